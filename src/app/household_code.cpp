#include "app/household_code.hpp"

#include "core/digiready.hpp"

namespace app {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string next_household_code(const std::string& last) {
  const std::string code = dr::tidy(last);
  if (code.empty()) return "HO-001";
  std::size_t d = code.size();
  while (d > 0 && is_digit(code[d - 1])) --d;
  if (d == code.size()) return code + "-2";
  // Add one to the trailing digits as text: no number type to overflow, the width kept.
  std::string next = code;
  std::size_t i = next.size();
  while (i > d && next[i - 1] == '9') next[--i] = '0';
  if (i > d) ++next[i - 1];
  else next.insert(d, 1, '1');  // all nines: one digit more
  return next;
}

std::string fresh_household_code(const std::string& last, const std::set<std::string>& used, int tries) {
  std::string code = next_household_code(last);
  for (int n = 1; n < tries && used.count(code); ++n) code = next_household_code(code);
  return code;
}

namespace {
constexpr const char* kAlonePrefix = "CHUA-MA-";
}  // namespace

bool offers_answer_alone(const dr::Question& q) {
  return q.id == "household_code" && q.type == dr::QuestionType::Text;
}

std::string alone_code(const std::string& result_id) {
  std::string code = kAlonePrefix;
  for (char c : result_id.substr(0, 6)) code += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
  return code;
}

bool is_alone_code(const std::string& code) { return dr::tidy(code).rfind(kAlonePrefix, 0) == 0; }

}  // namespace app

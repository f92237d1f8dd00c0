#include "app/respondent.hpp"

namespace app {

std::string profile_text(const dr::Result& r, const char* key) {
  auto it = r.profile.find(key);
  return it != r.profile.end() && it->second.is_string() ? it->second.str() : std::string();
}

std::string respondent(const dr::Answers& a) {
  for (const char* key : {"household_code", "business_name"}) {
    const dr::Value* v = dr::find_answer(a, key);
    std::string s = v && v->is_string() ? dr::tidy(v->str()) : std::string();
    if (!s.empty()) return s;
  }
  return {};
}

std::string respondent(const dr::Result& r) { return respondent(r.profile); }

}  // namespace app

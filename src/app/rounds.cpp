#include "app/rounds.hpp"

#include <algorithm>
#include <cstdio>

#include "core/fold.hpp"
#include "core/strings.hpp"

namespace app {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

std::optional<std::string> iso(int y, int m, int d) {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return std::nullopt;
  char b[40];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return std::string(b);
}

std::vector<Round> read_rounds(const std::string& text) {
  std::vector<Round> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    const std::size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) continue;  // not a round: skipped, the others stay
    Round r{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
    if (!r.name.empty() && parse_date(r.from) && parse_date(r.to)) out.push_back(std::move(r));
  }
  return out;
}

std::string text_of(const std::vector<Round>& rounds) {
  std::string text;
  for (const Round& r : rounds) text += r.name + '\t' + r.from + '\t' + r.to + '\n';
  return text;
}
}  // namespace

std::optional<std::string> parse_date(std::string_view typed) {
  std::string t = dr::tidy(std::string(typed));
  for (char& c : t)
    if (c == '-' || c == '.') c = '/';
  int a = 0, b = 0, c = 0;
  char tail = 0;
  if (std::sscanf(t.c_str(), "%d/%d/%d%c", &a, &b, &c, &tail) != 3) return std::nullopt;
  return a > 31 ? iso(a, b, c) : iso(c, b, a);  // year first (ISO) or day first (as written here)
}

std::string date_words(const std::string& d) {
  return d.size() == 10 ? d.substr(8, 2) + "/" + d.substr(5, 2) + "/" + d.substr(0, 4) : d;
}

Rounds::Rounds(KeyValueStore& store) : store_(store), rounds_(read_rounds(store.get(kKey))) {}

Rounds::Problem Rounds::save(const std::string& typed_name, const std::string& typed_from, const std::string& typed_to) {
  const std::string name = dr::tidy(typed_name);
  if (name.empty() || name.find('\t') != std::string::npos || name.find('\n') != std::string::npos) return Problem::NoName;
  const auto from = parse_date(typed_from), to = parse_date(typed_to);
  if (!from) return Problem::BadFrom;
  if (!to) return Problem::BadTo;
  if (*to < *from) return Problem::ToBeforeFrom;
  std::vector<Round> next = rounds_;
  next.erase(std::remove_if(next.begin(), next.end(), [&](const Round& r) { return r.name == name; }), next.end());
  next.push_back({name, *from, *to});
  std::stable_sort(next.begin(), next.end(), [](const Round& x, const Round& y) { return x.from < y.from; });
  if (!store_.set(kKey, text_of(next))) return Problem::NotKept;
  rounds_ = std::move(next);
  return Problem::None;
}

void Rounds::remove(const std::string& name) {
  rounds_.erase(std::remove_if(rounds_.begin(), rounds_.end(), [&](const Round& r) { return r.name == name; }),
                rounds_.end());
  store_.set(kKey, text_of(rounds_));
}

const Round* Rounds::find(const std::string& from, const std::string& to) const {
  for (const Round& r : rounds_)
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

std::string Rounds::next_name(const std::string& pattern, const std::string& year) const {
  for (int n = 1;; ++n) {
    const std::string name = dr::format(pattern, {std::to_string(n), year});
    if (std::none_of(rounds_.begin(), rounds_.end(), [&](const Round& r) { return r.name == name; })) return name;
  }
}

}  // namespace app

#include "core/catalog.hpp"

#include <cctype>

namespace dr {

namespace {

// The next dot-separated part of `v` from `pos` (empty at the end).
std::string_view next_part(std::string_view v, size_t& pos) {
  if (pos >= v.size()) return {};
  size_t dot = v.find('.', pos);
  if (dot == std::string_view::npos) dot = v.size();
  std::string_view part = v.substr(pos, dot - pos);
  pos = dot + 1;
  return part;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int compare_parts(std::string_view a, std::string_view b) {
  if (a.empty()) a = "0";
  if (b.empty()) b = "0";
  if (all_digits(a) && all_digits(b)) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);  // "007" is 7
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  }
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  size_t pa = 0, pb = 0;
  while (pa < a.size() || pb < b.size()) {
    int c = compare_parts(next_part(a, pa), next_part(b, pb));
    if (c) return c;
  }
  return 0;
}

std::shared_ptr<const Survey> newest_version(const SurveyCatalog& cat, std::string_view id) {
  std::shared_ptr<const Survey> best;
  for (auto& s : cat.surveys())
    if (s->id == id && (!best || compare_versions(s->version, best->version) > 0)) best = s;
  return best;
}

bool is_newest(const SurveyCatalog& cat, const Survey& s) {
  auto n = newest_version(cat, s.id);
  return n && n.get() == &s;
}

std::vector<std::shared_ptr<const Survey>> newest_surveys(const SurveyCatalog& cat) {
  std::vector<std::shared_ptr<const Survey>> out;
  for (auto& s : cat.surveys()) {
    bool seen = false;
    for (auto& o : out) seen = seen || o->id == s->id;
    if (!seen) out.push_back(newest_version(cat, s->id));
  }
  return out;
}

}  // namespace dr

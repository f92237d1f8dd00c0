#include "core/text.hpp"

namespace dr {

namespace {
const std::string kEmpty;
}

const std::string& Text::get(std::string_view lang) const {
  const std::string* en = nullptr;
  for (const auto& [code, s] : items) {
    if (code == lang || code.empty()) return s;  // "" = plain string, valid for every language
    if (code == "en" && !en) en = &s;
  }
  if (en) return *en;
  return items.empty() ? kEmpty : items.front().second;
}

bool Text::has(std::string_view lang) const {
  for (const auto& it : items)
    if (it.first == lang || it.first.empty()) return true;
  return false;
}

void Text::set(std::string_view lang, std::string s) {
  for (auto& it : items)
    if (it.first == lang) { it.second = std::move(s); return; }
  items.emplace_back(std::string(lang), std::move(s));
}

}  // namespace dr

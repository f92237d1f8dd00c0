// Per-language strings and answer values: the two small types every other core header uses.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dr {

// A translatable string: language code -> text, in file order.
struct Text {
  std::vector<std::pair<std::string, std::string>> items;

  Text() = default;
  // A plain string counts for every language (as in the survey format).
  static Text plain(std::string s) { Text t; t.items.emplace_back("", std::move(s)); return t; }

  // Exact language, else English, else the first entry, else "".
  const std::string& get(std::string_view lang) const;
  // True when `lang` has its own entry (or the text is a plain string).
  bool has(std::string_view lang) const;
  bool empty() const { return items.empty(); }
  void set(std::string_view lang, std::string s);
};

}  // namespace dr

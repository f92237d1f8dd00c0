// UI strings by key, from per-locale JSON files (assets/locales/<lang>.json: a flat {key: text}).
// A key missing in the current language falls back to English; each miss is reported once.
// The languages are the locales added, in order: a new locale file is a new language.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.hpp"
#include "core/text.hpp"

namespace dr {

class Strings {
 public:
  // Adds (or replaces) a locale from its JSON text. Returns "" on success, else the reason.
  std::string add_locale(std::string_view lang, std::string_view json);
  bool has_locale(std::string_view lang) const { return locales_.count(std::string(lang)) != 0; }
  // Language codes in the order their locales were added.
  const std::vector<std::string>& languages() const { return order_; }
  // Every key of one locale (empty for an unknown language), sorted.
  std::vector<std::string> keys(std::string_view lang) const;

  void set_language(std::string_view lang) { lang_ = std::string(lang); }
  const std::string& language() const { return lang_; }

  // Text for `key` in the current language, else English, else the key itself.
  const std::string& get(std::string_view key) const;
  const std::string& operator()(std::string_view key) const { return get(key); }
  // True when the current language or English has `key`.
  bool has_key(std::string_view key) const;
  // Text for `key` in `lang` (no report, falls back like get), e.g. each language's own name.
  const std::string& get_in(std::string_view lang, std::string_view key) const;
  // A core message in words: the key's text with {n} replaced by args[n].
  std::string text(const Message& m) const;
  // The key in every language, as a survey text (e.g. the labels of a yes/no question).
  Text all(std::string_view key) const;

  // Where misses are reported (once per language + key). Default: nowhere.
  void on_missing(std::function<void(const std::string&)> report) { report_ = std::move(report); }

 private:
  using Table = std::map<std::string, std::string, std::less<>>;
  std::map<std::string, Table, std::less<>> locales_;
  std::vector<std::string> order_;
  std::string lang_ = "vi";
  std::function<void(const std::string&)> report_;
  mutable std::set<std::string, std::less<>> reported_;
  mutable std::map<std::string, std::string, std::less<>> keys_;  // stable storage for unknown keys
};

// "{0} of {1}" style substitution: each {n} is replaced by args[n].
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);
std::string format(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace dr

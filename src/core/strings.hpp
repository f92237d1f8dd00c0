// UI strings by key, from per-locale JSON files (assets/locales/<lang>.json: a flat {key: text}).
// A key missing in the current language falls back to English; each miss is reported once.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace dr {

class Strings {
 public:
  // Adds (or replaces) a locale from its JSON text. Returns "" on success, else the reason.
  std::string add_locale(std::string_view lang, std::string_view json);
  bool has_locale(std::string_view lang) const { return locales_.count(std::string(lang)) != 0; }

  void set_language(std::string_view lang) { lang_ = std::string(lang); }
  const std::string& language() const { return lang_; }

  // Text for `key` in the current language, else English, else the key itself.
  const std::string& get(std::string_view key) const;
  const std::string& operator()(std::string_view key) const { return get(key); }

  // Where misses are reported (once per language + key). Default: nowhere.
  void on_missing(std::function<void(const std::string&)> report) { report_ = std::move(report); }

 private:
  using Table = std::map<std::string, std::string, std::less<>>;
  std::map<std::string, Table, std::less<>> locales_;
  std::string lang_ = "vi";
  std::function<void(const std::string&)> report_;
  mutable std::set<std::string, std::less<>> reported_;
  mutable std::map<std::string, std::string, std::less<>> keys_;  // stable storage for unknown keys
};

// "{0} of {1}" style substitution: each {n} is replaced by args[n].
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace dr

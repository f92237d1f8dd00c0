#include "app/settings.hpp"

namespace app {

namespace {
// The value of `name=` in "a=1;b=2", or "".
std::string_view part(std::string_view stored, std::string_view name) {
  for (std::size_t at = 0; at <= stored.size();) {
    std::size_t end = stored.find(';', at);
    if (end == std::string_view::npos) end = stored.size();
    const std::string_view item = stored.substr(at, end - at);
    if (item.size() > name.size() && item.substr(0, name.size()) == name && item[name.size()] == '=')
      return item.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}
}  // namespace

Settings parse_settings(std::string_view stored, const dr::Strings& words) {
  Settings s;
  const std::string_view lang = part(stored, "lang");
  if (!lang.empty() && words.has_locale(lang)) s.lang = std::string(lang);
  s.large_text = part(stored, "text") == "large";
  return s;
}

std::string settings_text(const Settings& s) {
  return "lang=" + s.lang + ";text=" + (s.large_text ? "large" : "normal");
}

Settings load_settings(const KeyValueStore& store, const dr::Strings& words) {
  return parse_settings(store.get(kSettingsKey), words);
}

bool save_settings(KeyValueStore& store, const Settings& s) { return store.set(kSettingsKey, settings_text(s)); }

}  // namespace app

// What the person chose once and keeps: the language and the text size, kept in the app's store
// under one key in a tiny fixed format ("lang=vi;text=large").
#pragma once
#include <string>
#include <string_view>

#include "app/locales.hpp"
#include "app/storage.hpp"
#include "core/strings.hpp"

namespace app {

struct Settings {
  std::string lang = kFirstLanguage;
  bool large_text = false;
};

// The stored text read back: a language the app has no locale for (a file removed since) and
// anything unreadable give the first language; unknown parts are ignored.
Settings parse_settings(std::string_view stored, const dr::Strings& words);
std::string settings_text(const Settings& s);

// Kept in `store` under kSettingsKey; save returns false when storage refused.
constexpr const char* kSettingsKey = "digiready.settings";
Settings load_settings(const KeyValueStore& store, const dr::Strings& words);
bool save_settings(KeyValueStore& store, const Settings& s);

}  // namespace app

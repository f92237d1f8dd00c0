// The app's languages: one locale file each (assets/locales/<lang>.json, embedded at build time by
// tools/embed.py), each naming itself ("language.name"). Adding a language is adding a file (and
// the surveys' translations); nothing here lists languages by name.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.hpp"
#include "core/survey.hpp"

namespace app {

// The language a first start uses, and the one listed first (Vietnamese first).
constexpr const char* kFirstLanguage = "vi";

struct EmbeddedLocale {
  const char* lang;  // file name without .json
  const char* json;
  unsigned size;
  const char* name_json;  // {"language.name": ...} alone: the language by its own name
  unsigned name_size;
};
// Every assets/locales/*.json at build time (generated embedded_locales.cpp).
extern const EmbeddedLocale kLocaleFiles[];
extern const unsigned kLocaleFileCount;
// Every character beyond ASCII in those files, as first,last code point pairs ending in 0 (worked
// out at build time): the UI's own words, which the first frame's font atlas needs (src/ui/app.cpp).
extern const unsigned short kLocaleLetters[];

struct LocaleFile {
  std::string lang, json;
};
// Those of the languages `want` accepts (all without it).
std::vector<LocaleFile> embedded_locales(const std::function<bool(std::string_view lang)>& want = {});
// Every embedded language by its own name only: what the start needs of a language it does not
// show (home's language switch); the full file is added later and replaces it.
std::vector<LocaleFile> embedded_locale_names();

// Adds the files to `words`, first language first, the others by code. Returns the problems
// (a broken file is left out, the others still load).
std::vector<std::string> add_locales(dr::Strings& words, std::vector<LocaleFile> files);

// What the language switch offers: each language by its own name, in the order added.
struct LanguageChoice {
  std::string lang, name;
};
std::vector<LanguageChoice> language_choices(const dr::Strings& words);
// The words a survey may leave out (yes/no labels), in every language loaded.
dr::DefaultLabels survey_labels(const dr::Strings& words);

// The language after `lang` in the list (wrapping): the survey screen's one-tap switch.
std::string next_language(const dr::Strings& words, std::string_view lang);

}  // namespace app

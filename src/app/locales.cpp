#include "app/locales.hpp"

#include <algorithm>

namespace app {

std::vector<LocaleFile> embedded_locales(const std::function<bool(std::string_view lang)>& want) {
  std::vector<LocaleFile> out;
  for (unsigned i = 0; i < kLocaleFileCount; ++i)
    if (!want || want(kLocaleFiles[i].lang))
      out.push_back({kLocaleFiles[i].lang, std::string(kLocaleFiles[i].json, kLocaleFiles[i].size)});
  return out;
}

std::vector<LocaleFile> embedded_locale_names() {
  std::vector<LocaleFile> out;
  for (unsigned i = 0; i < kLocaleFileCount; ++i)
    out.push_back({kLocaleFiles[i].lang, std::string(kLocaleFiles[i].name_json, kLocaleFiles[i].name_size)});
  return out;
}

std::vector<std::string> add_locales(dr::Strings& words, std::vector<LocaleFile> files) {
  std::stable_sort(files.begin(), files.end(), [](const LocaleFile& a, const LocaleFile& b) {
    const bool a_first = a.lang == kFirstLanguage, b_first = b.lang == kFirstLanguage;
    return a_first != b_first ? a_first : a.lang < b.lang;
  });
  std::vector<std::string> problems;
  for (const LocaleFile& f : files) {
    std::string why = words.add_locale(f.lang, f.json);
    if (!why.empty()) problems.push_back(std::move(why));
  }
  return problems;
}

std::vector<LanguageChoice> language_choices(const dr::Strings& words) {
  std::vector<LanguageChoice> out;
  for (const std::string& lang : words.languages()) out.push_back({lang, words.get_in(lang, "language.name")});
  return out;
}

dr::DefaultLabels survey_labels(const dr::Strings& words) { return {words.all("answer.yes"), words.all("answer.no")}; }

std::string next_language(const dr::Strings& words, std::string_view lang) {
  const auto& all = words.languages();
  if (all.empty()) return std::string(lang);
  auto it = std::find(all.begin(), all.end(), lang);
  return it == all.end() || ++it == all.end() ? all.front() : *it;
}

}  // namespace app

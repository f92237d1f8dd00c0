// The app's words for tests: the locale files of a folder, loaded as the app loads its embedded ones.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/strings.hpp"
#include "core/survey.hpp"
#include "file_util.hpp"

namespace drt {

// Every <lang>.json in `dir` added to `w` (a broken file fails the test).
inline void add_locale_folder(dr::Strings& w, const std::string& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") {
      const std::string why = w.add_locale(e.path().stem().string(), read_file(e.path().string()));
      if (!why.empty()) ADD_FAILURE() << why;
    }
}

// The words of assets/locales in `lang`.
inline const dr::Strings& words(const std::string& lang) {
  static std::map<std::string, dr::Strings> by_lang;
  auto it = by_lang.find(lang);
  if (it != by_lang.end()) return it->second;
  dr::Strings w;
  add_locale_folder(w, DR_LOCALE_DIR);
  w.set_language(lang);
  return by_lang.emplace(lang, std::move(w)).first->second;
}

// The yes/no labels the app gives a survey (answer.yes / answer.no in every language).
inline dr::DefaultLabels labels() {
  const dr::Strings& w = words("en");
  return {w.all("answer.yes"), w.all("answer.no")};
}

}  // namespace drt

// Shared by the app-layer tests: the unit-test survey (with a household code, in two versions) and
// a fresh storage folder per test.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "../core/file_util.hpp"
#include "../core/locale_util.hpp"
#include "core/digiready.hpp"
#include "app/record_store.hpp"
#include "platform/storage_folder.hpp"

namespace apt {

// `text` with the first `from` replaced by `to` (a test fails if there is none).
inline void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) ADD_FAILURE() << "no " << from;
  else text.replace(at, from.size(), to);
}

// mini.json with a household code first in its profile, as `version`.
inline std::shared_ptr<const dr::Survey> mini(const std::string& version = "1.0.0") {
  std::string text = drt::read_file(std::string(DR_TEST_DATA) + "/mini.json");
  auto replace = [&text](const std::string& from, const std::string& to) { replace_once(text, from, to); };
  replace("\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"");
  replace("\"profile\": [",
          "\"profile\": [{\"id\": \"household_code\", \"type\": \"text\", "
          "\"title\": {\"vi\": \"Mã hộ\", \"en\": \"Household code\"}},");
  auto r = dr::load_survey(text, "mini.json", drt::labels());
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

// A folder of its own under the test temp dir, emptied first.
inline std::string fresh_folder() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto dir = std::filesystem::temp_directory_path() / "digiready-app-tests" /
                   (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  return dir.string();
}

// The unit-test survey in a catalog, and a record store on a fresh folder.
struct StoreTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> s = mini();
  platform::FolderStorage disk{fresh_folder()};
  app::RecordStore store{disk};
  dr::SurveyCatalog catalog;
  void SetUp() override { catalog.add(s); }
};

}  // namespace apt

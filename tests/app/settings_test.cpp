// Language and text size: kept across starts in the app's store, read back safely.
#include "app/settings.hpp"
#include "app_test_util.hpp"

TEST(Settings, FirstStartIsVietnameseNormalText) {
  platform::FolderStorage store(apt::fresh_folder());
  const app::Settings s = app::load_settings(store, drt::words("vi"));
  EXPECT_EQ(s.lang, "vi");
  EXPECT_FALSE(s.large_text);
}

TEST(Settings, KeptAcrossStarts) {
  platform::FolderStorage store(apt::fresh_folder());
  ASSERT_TRUE(app::save_settings(store, {"en", true}));
  EXPECT_EQ(store.get(app::kSettingsKey), "lang=en;text=large");
  const app::Settings s = app::load_settings(store, drt::words("vi"));  // the next start reads the same folder
  EXPECT_EQ(s.lang, "en");
  EXPECT_TRUE(s.large_text);
}

TEST(Settings, ReadsOldAndBrokenTextSafely) {
  const dr::Strings& w = drt::words("vi");
  // The format every earlier build wrote.
  EXPECT_EQ(app::parse_settings("lang=en;text=normal", w).lang, "en");
  EXPECT_TRUE(app::parse_settings("text=large;lang=vi", w).large_text);
  // A language whose locale file is gone, a half-written value, junk: the first language.
  EXPECT_EQ(app::parse_settings("lang=de;text=large", w).lang, "vi");
  EXPECT_TRUE(app::parse_settings("lang=de;text=large", w).large_text);
  EXPECT_EQ(app::parse_settings("lang=", w).lang, "vi");
  EXPECT_EQ(app::parse_settings("xlang=en", w).lang, "vi");  // not the key "lang"
  EXPECT_EQ(app::parse_settings(";;;=;", w).lang, "vi");
  EXPECT_FALSE(app::parse_settings("text=largest", w).large_text);
}

TEST(Settings, StorageFullIsSaid) {
  platform::FolderStorage store(apt::fresh_folder(), 4);  // smaller than any settings text
  EXPECT_FALSE(app::save_settings(store, {"vi", false}));
}

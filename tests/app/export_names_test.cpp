// Download names say what is inside and every system takes them.
#include "app/export_names.hpp"
#include "app_test_util.hpp"

TEST(ExportNames, FilePartFoldsVietnameseAndKeepsOnlySafeCharacters) {
  EXPECT_EQ(app::file_part("Cà phê HD-01"), "Ca-phe-HD-01");
  EXPECT_EQ(app::file_part("Thôn Đông / Ấp 2"), "Thon-dong-ap-2");  // a run of marked letters folds to lower case
  EXPECT_EQ(app::file_part("  ../../etc/passwd  "), "etc-passwd");  // no path left
  EXPECT_EQ(app::file_part("???"), "");
  EXPECT_EQ(app::file_part(""), "");
}

TEST(ExportNames, OneResultNamesSurveyHouseholdAndDay) {
  dr::Result r;
  r.survey_id = "online-payment";
  r.completed = "2026-11-28T08:15:00Z";
  r.profile["household_code"] = std::string("HĐ 07");
  EXPECT_EQ(app::result_file_name(r), "online-payment_Hd-07_2026-11-28.json");
  r.profile.clear();
  r.profile["business_name"] = std::string("Cà phê Mộc");
  EXPECT_EQ(app::result_file_name(r), "online-payment_Ca-phe-Moc_2026-11-28.json");
  r.profile.clear();
  r.completed.clear();
  r.updated = "2026-11-27T10:00:00Z";  // a draft: the day it was last saved
  EXPECT_EQ(app::result_file_name(r), "online-payment_2026-11-27.json");
}

TEST(ExportNames, CsvNamesSayThePlaceAndLevelFilteredOn) {
  dr::Filter f;
  EXPECT_EQ(app::export_name("online-payment", f, "2026-11-28", ".csv"), "digiready-online-payment-2026-11-28.csv");
  f.village = "Thôn Đông";
  f.level = "basic";
  EXPECT_EQ(app::export_name("online-payment", f, "2026-11-28", "-aggregates.csv"),
            "digiready-online-payment-thon-dong-basic-2026-11-28-aggregates.csv");
  // Indicators cover every survey: the level does not apply.
  EXPECT_EQ(app::export_name("indicators", f, "2026-11-28", ".csv", false), "digiready-indicators-thon-dong-2026-11-28.csv");
  dr::Filter long_place;
  long_place.village = std::string(100, 'a');  // a long place name is cut, the name stays usable
  EXPECT_EQ(app::export_name("x", long_place, "d", ".csv"), "digiready-x-" + std::string(40, 'a') + "-d.csv");
}

// Two rounds exported the same day must not give the same name: the period counted is in it.
TEST(ExportNames, NamesSayThePeriodCounted) {
  dr::Filter f;
  f.village = "Thôn Đông";
  f.date_from = "2026-03-01";
  f.date_to = "2026-03-31";
  EXPECT_EQ(app::export_name("online-payment", f, "2026-11-28", ".csv", true, "Đợt 1/2026"),
            "digiready-online-payment-thon-dong-dot-1-2026-2026-11-28.csv");
  EXPECT_EQ(app::export_name("indicators", f, "2026-11-28", ".xlsx", false),
            "digiready-indicators-thon-dong-2026-03-01-to-2026-03-31-2026-11-28.xlsx");
  f.date_to.clear();
  EXPECT_EQ(app::export_name("x", f, "d", ".csv"), "digiready-x-thon-dong-from-2026-03-01-d.csv");
  f.date_from.clear();
  f.date_to = "2026-06-30";
  EXPECT_EQ(app::export_name("x", f, "d", ".csv"), "digiready-x-thon-dong-to-2026-06-30-d.csv");
  f.date_to.clear();  // no dates: a round's name alone says nothing
  EXPECT_EQ(app::export_name("x", f, "d", ".csv", true, "Đợt 1/2026"), "digiready-x-thon-dong-d.csv");
}

TEST(ExportNames, NdjsonNames) {
  EXPECT_EQ(app::results_ndjson_name("2026-11-28"), "digiready-results-2026-11-28.ndjson");
  EXPECT_EQ(app::batch_ndjson_name("2026-11-28", 12), "digiready-batch-2026-11-28-12.ndjson");
}

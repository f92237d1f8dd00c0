// The spreadsheet model: local times from the UTC the results store, short headers, the JSON the
// page hands to the writer module. (The sheets themselves are read back by openpyxl in
// tests/cli/xlsx_check.py and tests/e2e/xlsx.test.mjs.)
#include <gtest/gtest.h>

#include "app/workbook.hpp"
#include "app/workbook_sheets.hpp"

namespace {

TEST(Workbook, LocalTimeMovesUtcByTheOffset) {
  EXPECT_EQ(app::shift_time("2026-11-29T16:38:52Z", 7 * 60), "2026-11-29 23:38:52");
  // Over midnight, a month end and a year end.
  EXPECT_EQ(app::shift_time("2026-12-31T20:05:00Z", 7 * 60), "2027-01-01 03:05:00");
  EXPECT_EQ(app::shift_time("2026-03-01T02:00:00.250Z", -5 * 60), "2026-02-28 21:00:00");
  EXPECT_EQ(app::shift_time("2024-02-29T23:59:59Z", 1), "2024-03-01 00:00:59");
  EXPECT_EQ(app::shift_time("2026-11-29T16:38Z", 0), "2026-11-29 16:38:00");
}

TEST(Workbook, TimesThatCannotBeReadStayText) {
  EXPECT_FALSE(app::shift_time("", 0));
  EXPECT_FALSE(app::shift_time("29/11/2026 16:38", 0));
  EXPECT_FALSE(app::shift_time("2026-11-29T16:38:52+07:00", 0));
  EXPECT_FALSE(app::shift_time("2026-13-29T16:38:52Z", 0));
  const app::Cell c = app::Cell::local_time("hôm qua", 420);
  EXPECT_EQ(c.kind, app::Cell::Kind::Text);
  EXPECT_EQ(c.text, "hôm qua");
  EXPECT_EQ(app::Cell::local_time("", 420).kind, app::Cell::Kind::Empty);
}

TEST(Workbook, ShortHeadersCutCharactersNotBytes) {
  EXPECT_EQ(app::short_header("  Mức  "), "Mức");
  EXPECT_EQ(app::short_header("Điện thoại thông minh", 10), "Điện thoại…");
  EXPECT_EQ(app::short_header("Ấp Mới", 6), "Ấp Mới");
}

TEST(Workbook, JsonKeepsTypes) {
  app::Workbook wb;
  app::Sheet sh;
  sh.name = "Tổng hợp";
  sh.columns = {{"Lĩnh vực", "area"}, {"Số người", "count"}, {"Trung bình %", "mean"}, {"Lúc", "at"}};
  sh.rows.push_back({app::Cell::of("An toàn"), app::Cell::num(3), app::Cell::num(66.67),
                     app::Cell::local_time("2026-11-29T16:38:52Z", 420)});
  sh.rows.push_back({app::Cell::of(""), app::Cell::num(std::nullopt)});
  wb.sheets.push_back(sh);
  EXPECT_EQ(app::to_json(wb),
            R"({"sheets":[{"name":"Tổng hợp","columns":[["Lĩnh vực","area"],["Số người","count"],)"
            R"(["Trung bình %","mean"],["Lúc","at"]],"rows":[["An toàn",3,66.67,{"t":"2026-11-29 23:38:52"}],)"
            R"([null,null]]}]})");
}

}  // namespace

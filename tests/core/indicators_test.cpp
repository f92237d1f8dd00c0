#include "core/indicators.hpp"

#include "test_util.hpp"

using namespace dr;

namespace {

// A complete household record of mini-v2.
Result household(const std::string& village, double adults, double with_phone, const char* account, const char* trained) {
  auto s = drt::mini_v2();
  Answers a;
  a["province"] = "hai_duong";
  a["commune"] = "Tân Lập";
  a["village"] = village;
  a["adults"] = adults;
  a["adults_smartphone"] = with_phone;
  a["has_phone"] = "yes";
  a["has_account"] = account;
  if (trained) a["trained"] = trained;
  Result r = new_result(*s, "vi", "2026-11-29T10:00:00Z");
  complete_result(r, *s, a, "2026-11-29T10:05:00Z");
  return r;
}

// Three households (worked example, docs/indicators.md):
//  Thôn 1: 3 adults, 2 with a smartphone, account, trained
//  Thôn 2: 2 adults, 2 with a smartphone, no account, not trained
//  Thôn 10: 0 adults (denominator 0: left out of adult_smartphone), account, training not answered
std::vector<Result> three_households() {
  return {household("Thôn 1", 3, 2, "yes", "yes"), household("Thôn 2", 2, 2, "no", "no"),
          household("Thôn 10", 0, 0, "yes", nullptr)};
}

const IndicatorRow& row(const std::vector<IndicatorRow>& rows, const std::string& place, const std::string& id) {
  for (auto& r : rows)
    if (r.place == place && r.id == id) return r;
  static IndicatorRow none;
  ADD_FAILURE() << "no row " << place << " / " << id;
  return none;
}

}  // namespace

TEST(Indicators, WholeTable) {
  IndicatorTable t;
  for (auto& r : three_households()) EXPECT_TRUE(t.add(r, *drt::mini_v2()));
  auto rows = t.rows();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(t.records_kept(), 3u);
  // adult_smartphone: n = 2 + 2 = 4 of N = 3 + 2 = 5 adults, 2 records -> 80 %, target 80.
  const IndicatorRow& adults = row(rows, "", "adult_smartphone");
  EXPECT_EQ(adults.n, 4);
  EXPECT_EQ(adults.N, 5);
  EXPECT_EQ(adults.records, 2u);
  EXPECT_DOUBLE_EQ(*adults.percent(), 80);
  EXPECT_EQ(*adults.target, 80);
  EXPECT_EQ(adults.unit, "adult");
  EXPECT_EQ(adults.source, "001");
  EXPECT_EQ(adults.surveys, (std::vector<std::string>{"mini-v2"}));
  // household_account: 2 of 3 households.
  const IndicatorRow& account = row(rows, "", "household_account");
  EXPECT_EQ(account.n, 2);
  EXPECT_EQ(account.N, 3);
  EXPECT_FALSE(account.target);
  // trained: 1 of the 2 households that answered.
  const IndicatorRow& trained = row(rows, "", "trained");
  EXPECT_EQ(trained.n, 1);
  EXPECT_EQ(trained.N, 2);
  EXPECT_DOUBLE_EQ(*trained.percent(), 50);
}

TEST(Indicators, GroupedByVillageInNaturalOrder) {
  IndicatorTable t({}, PlaceLevel::Village);
  for (auto& r : three_households()) t.add(r, *drt::mini_v2());
  auto rows = t.rows();
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0].place, "Thôn 1");
  EXPECT_EQ(rows[3].place, "Thôn 2");
  EXPECT_EQ(rows[6].place, "Thôn 10");
  EXPECT_EQ(row(rows, "Thôn 2", "adult_smartphone").n, 2);
  EXPECT_EQ(row(rows, "Thôn 2", "household_account").n, 0);
  EXPECT_EQ(row(rows, "Thôn 2", "household_account").N, 1);
  // Thôn 10 had no adults: 0 of 0, no percentage.
  EXPECT_EQ(row(rows, "Thôn 10", "adult_smartphone").records, 0u);
  EXPECT_FALSE(row(rows, "Thôn 10", "adult_smartphone").percent());

  IndicatorTable by_province({}, PlaceLevel::Province);
  for (auto& r : three_households()) by_province.add(r, *drt::mini_v2());
  EXPECT_EQ(by_province.rows()[0].place, "Hải Dương");  // the option's label, not its value
}

TEST(Indicators, Filters) {
  PlaceFilter f;
  f.villages = {"Thôn 2 ", "Thôn 10"};  // spaces tidied; any of the listed villages
  IndicatorTable t(f);
  int kept = 0;
  for (auto& r : three_households()) kept += t.add(r, *drt::mini_v2());
  EXPECT_EQ(kept, 2);
  EXPECT_EQ(row(t.rows(), "", "household_account").N, 2);

  PlaceFilter province;
  province.provinces = {"Hải Dương"};  // a label matches the stored value hai_duong
  province.communes = {"Tân Lập"};
  IndicatorTable p(province);
  for (auto& r : three_households()) EXPECT_TRUE(p.add(r, *drt::mini_v2()));

  PlaceFilter other;
  other.provinces = {"tay_ninh"};
  IndicatorTable none(other);
  for (auto& r : three_households()) EXPECT_FALSE(none.add(r, *drt::mini_v2()));
  EXPECT_TRUE(none.rows().empty());
}

TEST(Indicators, DraftsDoNotCount) {
  auto s = drt::mini_v2();
  Result draft = new_result(*s, "vi", "2026-11-29T10:00:00Z");
  Answers a;
  a["has_account"] = "yes";
  update_result(draft, *s, a, "2026-11-29T10:01:00Z");
  IndicatorTable t;
  EXPECT_FALSE(t.add(draft, *s));
  EXPECT_EQ(t.records_kept(), 0u);
}

// An indicator id defined in two surveys adds up across them; a version 1 survey adds nothing.
TEST(Indicators, SurveysCombine) {
  std::string other_json = drt::patched(drt::mini_v2_json(), "\"id\": \"mini-v2\"", "\"id\": \"mini-other\"");
  other_json = drt::patched(other_json, "\"unit\": \"adult\"", "\"unit\": \"person\"");
  auto other = load_survey(other_json, "other.json");
  ASSERT_TRUE(other.ok());
  Answers a;
  a["has_account"] = "yes";
  a["adults"] = 4;
  a["adults_smartphone"] = 1;
  Result r = new_result(*other.survey, "vi", "2026-11-29T10:00:00Z");
  complete_result(r, *other.survey, a, "2026-11-29T10:05:00Z");

  Result v1 = new_result(*drt::mini(), "vi", "2026-11-29T10:00:00Z");
  complete_result(v1, *drt::mini(), drt::example_a(), "2026-11-29T10:05:00Z");

  IndicatorTable t;
  for (auto& h : three_households()) t.add(h, *drt::mini_v2());
  t.add(r, *other.survey);
  EXPECT_TRUE(t.add(v1, *drt::mini()));
  auto rows = t.rows();
  ASSERT_EQ(rows.size(), 3u);
  const IndicatorRow& account = row(rows, "", "household_account");
  EXPECT_EQ(account.n, 3);
  EXPECT_EQ(account.N, 4);
  EXPECT_EQ(account.surveys, (std::vector<std::string>{"mini-v2", "mini-other"}));
  EXPECT_EQ(row(rows, "", "adult_smartphone").N, 9);
  ASSERT_EQ(t.warnings().size(), 1u);  // the other survey counts adult_smartphone in 'person'
  EXPECT_NE(t.warnings()[0].find("unit 'person' in survey mini-other but 'adult'"), std::string::npos);
}

// Memory does not grow with records: the table keeps one sum per place and indicator.
TEST(Indicators, StreamingKeepsOnlySums) {
  IndicatorTable t;
  const Result r = household("Thôn 1", 3, 2, "yes", "yes");
  for (int i = 0; i < 2000; ++i) t.add(r, *drt::mini_v2());
  auto rows = t.rows();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(row(rows, "", "adult_smartphone").n, 4000);
  EXPECT_EQ(row(rows, "", "adult_smartphone").N, 6000);
  EXPECT_EQ(row(rows, "", "adult_smartphone").records, 2000u);
}

TEST(Indicators, Csv) {
  IndicatorTable t({}, PlaceLevel::Village);
  for (auto& r : three_households()) t.add(r, *drt::mini_v2());
  std::string csv = indicators_csv(t.rows(), drt::words("vi"));
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);  // BOM: Excel reads UTF-8
  auto first_line_end = csv.find("\r\n");
  std::string header = csv.substr(3, first_line_end - 3);
  EXPECT_EQ(header,
            "Địa bàn / Place (place),Mã chỉ tiêu / Code (id),Chỉ tiêu / Indicator (title),Đơn vị / Unit (unit),"
            "Tử số / Counted (n),Mẫu số / Out of (N),Tỷ lệ % / Percent (percent),Số phiếu / Records (records),"
            "Mục tiêu % / Target (target),Mục tiêu / Target (target_label),Nguồn / Source (source),"
            "Khảo sát / Surveys (surveys),Định nghĩa / Definition (definition)");
  EXPECT_NE(csv.find("\r\nThôn 1,adult_smartphone,Người từ 15 tuổi có điện thoại thông minh,người từ 15 tuổi (adult),2,3,66.67,1,80,"
                     "80 % (quốc gia 2025),001,mini-v2,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\nThôn 10,adult_smartphone,Người từ 15 tuổi có điện thoại thông minh,người từ 15 tuổi (adult),0,0,,0,80,"),
            std::string::npos);
  std::string en = indicators_csv(IndicatorTable().rows(), drt::words("en"));
  EXPECT_EQ(std::count(en.begin(), en.end(), '\n'), 1);  // header only
  EXPECT_EQ(en.rfind("\xEF\xBB\xBFPlace (place),Code (id),Indicator (title),Unit (unit),", 0), 0u);  // words from en.json
  // The place in words: all places, or (grouped) the records that did not say theirs.
  IndicatorRow all, not_given;
  not_given.grouped = true;
  EXPECT_EQ(place_words(all, drt::words("vi")), "Tất cả");
  EXPECT_EQ(place_words(not_given, drt::words("vi")), "(chưa ghi)");
  EXPECT_EQ(place_words(not_given, drt::words("en")), "(not given)");
}

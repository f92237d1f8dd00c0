// The organiser's indicator tab: every survey's results together, narrowed by place, worked out
// again only when the results or the place change.
#include "app/indicator_view.hpp"

#include "app/result_table.hpp"

#include "app_test_util.hpp"

namespace {

// mini-v2 and a second survey made from it ("mini-b"): both define adult_smartphone and trained
// (they add up), only mini-v2 household_account, only mini-b b_account.
std::shared_ptr<const dr::Survey> load(const std::string& id, bool own_account) {
  std::string text = drt::read_file(std::string(DR_TEST_DATA) + "/mini-v2.json");
  auto replace = [&text](const std::string& from, const std::string& to) { apt::replace_once(text, from, to); };
  replace("\"id\": \"mini-v2\"", "\"id\": \"" + id + "\"");
  if (own_account) replace("{\"id\": \"household_account\", \"title\"", "{\"id\": \"b_account\", \"title\"");
  auto r = dr::load_survey(text, id + ".json");
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

struct IndicatorViewTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> a = load("mini-v2", false), b = load("mini-b", true);
  dr::SurveyCatalog catalog;
  std::unique_ptr<dr::Importer> importer;
  app::IndicatorView view;
  int n = 0;

  void SetUp() override {
    catalog.add(a);
    catalog.add(b);
    importer = std::make_unique<dr::Importer>(catalog);
  }
  // A household as the organiser imports it (verified by the importer, which links its survey).
  void add(const dr::Survey& s, const char* village, double adults, double smart, const char* account, const char* trained) {
    dr::Answers x;
    x["province"] = "hai_duong";
    x["commune"] = "Tân Lập";
    x["village"] = village;
    x["adults"] = adults;
    x["adults_smartphone"] = smart;
    x["has_phone"] = "yes";
    x["has_account"] = account;
    x["trained"] = trained;
    dr::Result r = dr::new_result(s, "vi", "2026-11-29T10:00:00Z");
    char id[33];
    std::snprintf(id, sizeof id, "%032x", ++n);
    r.id = id;
    dr::complete_result(r, s, x, "2026-11-29T10:05:00Z");
    importer->add(dr::result_to_json(r), "r" + std::to_string(n) + ".json");
  }
  const dr::IndicatorRow& row(const std::string& id) const {
    for (const auto& r : view.rows())
      if (r.id == id) return r;
    static dr::IndicatorRow none;
    ADD_FAILURE() << "no row " << id;
    return none;
  }
};

TEST_F(IndicatorViewTest, TwoSurveysAddUpAndAVillageNarrowsThem) {
  add(*a, "Thôn 1", 3, 2, "yes", "yes");
  add(*a, "Thôn 2", 2, 1, "no", "no");
  add(*b, "Thôn 1", 4, 4, "yes", "no");
  add(*b, "Thôn 2", 1, 0, "no", "yes");
  ASSERT_EQ(importer->results().size(), 4u);
  dr::Filter f;
  EXPECT_TRUE(view.update(importer->results(), f, "vi"));
  EXPECT_EQ(view.records(), 4u);
  // Both surveys ask it: adults with a smartphone 2 + 1 + 4 + 0 = 7 of 3 + 2 + 4 + 1 = 10.
  EXPECT_EQ(row("adult_smartphone").n, 7);
  EXPECT_EQ(row("adult_smartphone").N, 10);
  EXPECT_DOUBLE_EQ(*row("adult_smartphone").percent(), 70);
  EXPECT_EQ(row("adult_smartphone").title.get("vi"), "Người từ 15 tuổi có điện thoại thông minh");
  EXPECT_EQ(app::IndicatorView::met(row("adult_smartphone")), false);  // target 80 %
  EXPECT_EQ(row("trained").n, 2);
  EXPECT_EQ(row("trained").N, 4);
  // Each survey's own indicator counts its own households only.
  EXPECT_EQ(row("household_account").n, 1);
  EXPECT_EQ(row("household_account").N, 2);
  EXPECT_EQ(row("b_account").n, 1);
  EXPECT_EQ(row("b_account").N, 2);
  EXPECT_FALSE(app::IndicatorView::met(row("b_account")));  // no target

  // Thôn 1 only: 2 + 4 = 6 of 3 + 4 = 7 adults; trained 1 of 2; accounts 1 of 1 each.
  f.village = "Thôn 1";
  EXPECT_TRUE(view.update(importer->results(), f, "vi"));
  EXPECT_EQ(view.records(), 2u);
  EXPECT_EQ(row("adult_smartphone").n, 6);
  EXPECT_EQ(row("adult_smartphone").N, 7);
  EXPECT_EQ(row("trained").n, 1);
  EXPECT_EQ(row("trained").N, 2);
  EXPECT_EQ(row("household_account").n, 1);
  EXPECT_EQ(row("household_account").N, 1);
  EXPECT_EQ(row("b_account").n, 1);
  EXPECT_EQ(row("b_account").N, 1);
  EXPECT_EQ(app::IndicatorView::met(row("trained")), false);  // 50 % of a 100 % target

  // The CSV is exactly these rows, Vietnamese after the BOM.
  const std::string csv = view.csv(drt::words("vi"));
  ASSERT_GT(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("Người từ 15 tuổi có điện thoại thông minh"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 4);  // header + four indicators
}

TEST_F(IndicatorViewTest, WorkedOutAgainOnlyWhenResultsPlaceOrLanguageChange) {
  add(*a, "Thôn 1", 3, 2, "yes", "yes");
  dr::Filter f;
  EXPECT_TRUE(view.update(importer->results(), f, "vi"));
  EXPECT_FALSE(view.update(importer->results(), f, "vi"));  // a frame later: nothing new
  f.level = "advanced";                                      // not a place: same rows
  EXPECT_FALSE(view.update(importer->results(), f, "vi"));
  add(*b, "Thôn 1", 1, 1, "no", "no");
  EXPECT_TRUE(view.update(importer->results(), f, "vi"));
  EXPECT_EQ(row("adult_smartphone").n, 3);
  EXPECT_TRUE(view.update(importer->results(), f, "en"));
  f.commune = "Tân Lập";
  EXPECT_TRUE(view.update(importer->results(), f, "en"));
  EXPECT_EQ(view.records(), 2u);
  f.commune = "Another";
  EXPECT_TRUE(view.update(importer->results(), f, "en"));
  EXPECT_EQ(view.records(), 0u);
  EXPECT_TRUE(view.rows().empty());  // nobody there: nothing to show (the tab says so)
  // Cleared (a new import may bring as many results back): worked out again.
  view.clear();
  EXPECT_TRUE(view.update(importer->results(), f, "en"));
}

TEST_F(IndicatorViewTest, ThePlaceChooserOffersTheVillagesOfEverySurvey) {
  add(*a, "Thôn 1", 3, 2, "yes", "yes");
  add(*a, "Thôn 2", 2, 1, "no", "no");
  add(*b, "Thôn 9", 4, 4, "yes", "no");  // only the second survey went there
  app::ResultTable t;
  for (std::size_t i = 0; i < importer->results().size(); ++i) t.add(importer->results()[i], i, i);
  t.rebuild(importer->results(), catalog);
  ASSERT_EQ(t.survey_id, "mini-v2");  // the survey with most results is shown on the other tabs
  EXPECT_EQ(t.values_of("village", importer->results()), (std::vector<std::string>{"Thôn 1", "Thôn 2"}));
  EXPECT_EQ(t.values_of("village", importer->results(), true), (std::vector<std::string>{"Thôn 1", "Thôn 2", "Thôn 9"}));
  // Chosen on the indicator tab, that village counts the second survey's household.
  t.choose_filter("village", "Thôn 9");
  EXPECT_TRUE(view.update(importer->results(), t.filter, "vi"));
  EXPECT_EQ(view.records(), 1u);
  EXPECT_EQ(row("b_account").n, 1);
}

// ---- the old province (before 1 July 2025), on the bundled household survey 2.1.0 and 2.0.0 ----

std::shared_ptr<const dr::Survey> bundled(const std::string& file) {
  auto r = dr::load_survey(drt::read_file(std::string(DR_TEST_DATA) + "/../../../assets/surveys/" + file), file);
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

TEST(IndicatorViewOldProvince, ChosenOldProvinceCountsItsRecordsAndSaysHowManyAreUnknown) {
  auto now = bundled("household-digital-skills.json"), before = bundled("archive/household-digital-skills-2.0.0.json");
  dr::SurveyCatalog catalog;
  catalog.add(now);
  catalog.add(before);
  dr::Importer importer(catalog);
  int n = 0;
  auto add = [&](const dr::Survey& s, const char* province, const char* old, double adults, double smart) {
    dr::Answers x{{"household_code", dr::Value(std::string("HH-") + std::to_string(n))},
                  {"province", dr::Value(std::string(province))},
                  {"commune", dr::Value(std::string("Xã 1"))},
                  {"village", dr::Value(std::string("Thôn 1"))},
                  {"household_size", dr::Value(adults)},
                  {"adults", dr::Value(adults)},
                  {"adults_smartphone", dr::Value(smart)}};
    if (*old) x[dr::ProvinceMerger::question_id(province)] = dr::Value(std::string(old));
    dr::Result r = dr::new_result(s, "vi", "2026-11-29T10:00:00Z");
    char id[33];
    std::snprintf(id, sizeof id, "%032x", ++n);
    r.id = id;
    dr::complete_result(r, s, x, "2026-11-29T10:05:00Z");
    importer.add(dr::result_to_json(r), "r" + std::to_string(n) + ".json");
  };
  add(*now, "hai_phong", "hai_duong", 3, 2);  // says Hải Dương
  add(*before, "hai_phong", "", 4, 1);        // 2.0.0 in a merged city: unknown
  add(*before, "ha_noi", "", 1, 1);           // 2.0.0, but Hà Nội was not merged
  ASSERT_EQ(importer.results().size(), 3u);

  app::IndicatorView view;
  view.use_catalog(catalog);
  dr::Filter f;
  using Items = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(view.old_provinces(importer.results(), f, "vi"), (Items{{"hai_duong", "Hải Dương"}, {"ha_noi", "TP. Hà Nội"}}));
  f.province = "hai_phong";
  EXPECT_EQ(view.old_provinces(importer.results(), f, "vi"), (Items{{"hai_duong", "Hải Dương"}}));
  f.province.clear();

  EXPECT_TRUE(view.update(importer.results(), f, "vi"));
  EXPECT_EQ(view.records(), 3u);
  view.choose_old_province("hai_duong");
  EXPECT_TRUE(view.update(importer.results(), f, "vi"));  // a new choice is worked out
  EXPECT_FALSE(view.update(importer.results(), f, "vi"));
  EXPECT_EQ(view.records(), 1u);
  EXPECT_EQ(view.old_unknown(), 1u);
  for (const auto& r : view.rows())
    if (r.id == "adult_smartphone") EXPECT_EQ(std::make_pair(r.n, r.N), std::make_pair(2.0, 3.0));
  EXPECT_EQ(view.old_label("hai_duong", "en"), "Hai Duong");
  view.choose_old_province("ha_noi");
  EXPECT_TRUE(view.update(importer.results(), f, "vi"));
  EXPECT_EQ(view.records(), 1u);
  EXPECT_EQ(view.old_unknown(), 0u);
}

}  // namespace

// A record whose checksum was deleted (its answers may have been edited) counts in the province's
// figures only when the organiser chose to include such records, as in every other count.
TEST_F(IndicatorViewTest, ARecordWithoutChecksumCountsOnlyWhenIncluded) {
  add(*a, "Thôn 1", 3, 2, "yes", "yes");
  std::string edited = importer->ndjson();
  edited.pop_back();  // the newline
  ASSERT_NE(edited.find("\"checksum\":\""), std::string::npos);
  importer = std::make_unique<dr::Importer>(catalog);
  add(*a, "Thôn 2", 2, 1, "no", "no");
  const std::size_t at = edited.find("\"checksum\":\"");
  edited.erase(at, edited.find('"', at + 12) + 2 - at);
  apt::replace_once(edited, "\"adults_smartphone\":2", "\"adults_smartphone\":3");  // edited by hand
  importer->add(edited, "edited.json");
  ASSERT_EQ(importer->unsealed(), 1u);
  dr::Filter f;
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits()));
  EXPECT_EQ(view.records(), 1u);
  EXPECT_EQ(row("adult_smartphone").n, 1);
  EXPECT_EQ(row("adult_smartphone").N, 2);
  f.include_unsealed = true;  // the organiser includes them: worked out again, now counted
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits()));
  EXPECT_EQ(view.records(), 2u);
  EXPECT_EQ(row("adult_smartphone").n, 4);
  EXPECT_EQ(row("adult_smartphone").N, 5);
}

// A second, different copy of a result already counted holds it out of the figures until the
// organiser chooses a copy, though the number of results does not change.
TEST_F(IndicatorViewTest, ADifferingCopyHoldsTheResultOutUntilOneIsChosen) {
  add(*a, "Thôn 1", 3, 2, "yes", "yes");
  add(*a, "Thôn 2", 2, 1, "no", "no");
  dr::Filter f;
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits()));
  EXPECT_EQ(view.records(), 2u);
  EXPECT_EQ(row("adult_smartphone").n, 3);
  // The same household sent again with another answer, sealed again on another phone.
  dr::Result other = importer->results().front();
  other.profile["village"] = std::string("Thôn 3");
  const std::size_t results = importer->results().size();
  importer->add(dr::result_to_json(other), "again.json");
  ASSERT_EQ(importer->results().size(), results) << "a copy, not a new result";
  ASSERT_EQ(importer->conflicts(), 1u);
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits())) << "held: worked out again";
  EXPECT_EQ(view.records(), 1u);
  EXPECT_EQ(row("adult_smartphone").n, 1);
  EXPECT_EQ(row("adult_smartphone").N, 2);
  importer->choose(0, 1);  // the organiser keeps the second copy
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits()));
  EXPECT_EQ(view.records(), 2u);
  EXPECT_EQ(row("adult_smartphone").n, 3);
  f.village = "Thôn 3";  // the chosen copy's village
  EXPECT_TRUE(view.update(importer->results(), f, "vi", importer->edits()));
  EXPECT_EQ(view.records(), 1u);
}

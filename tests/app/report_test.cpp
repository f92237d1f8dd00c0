// The organiser's report: imports counted batch by batch, conflicts decided by a person (and that
// choice kept), the differing answers shown, the village table and its CSV. Worked examples.
#include <map>

#include "app/conflict_answers.hpp"
#include "app/household_surveys.hpp"
#include "app/report_table.hpp"
#include "app/review.hpp"
#include "app/village_table.hpp"
#include "app/wishes.hpp"

#include "app_test_util.hpp"
#include "platform/bulk_folder.hpp"

namespace {

struct ReportTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> s = apt::mini();
  std::string dir = apt::fresh_folder();
  platform::FolderStorage small{dir + "/small"};
  platform::FolderBulkStore bulk{dir + "/bulk"};
  platform::FolderStorage device_disk{dir + "/device"};
  app::RecordStore device{device_disk};
  dr::SurveyCatalog catalog;
  double now = 0;
  std::unique_ptr<app::Review> review = std::make_unique<app::Review>(catalog, bulk, small, [this] { return now; });

  void SetUp() override {
    catalog.add(s);
    review->set_source_names("kept.ndjson", "this device");
  }
  // Household n: pays online `pays` (never 0 %, sometimes 50 %, often 100 % on "pay").
  std::string household(int n, const std::string& village, const char* pays) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    char id[33];
    std::snprintf(id, sizeof id, "%032x", n);
    r.id = id;
    dr::Answers a;
    a["household_code"] = "HH-" + std::to_string(n);
    a["village"] = village;
    a["has_phone"] = "no";
    a["pays_online"] = pays;
    dr::complete_result(r, *s, a, "2026-11-02T08:10:00Z");
    return dr::result_to_json(r);
  }
  void batch(const std::vector<std::pair<std::string, std::string>>& files) {
    review->begin_import(int(files.size()));
    for (const auto& [name, text] : files) review->add_file(name, text);
    review->end_import();
    settle();
  }
  void settle() {
    for (int round = 0; round < 1000 && (round < 3 || review->busy() || bulk.pending()); ++round) {
      review->pump(device);
      bulk.run_pending();
    }
    review->refresh();
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (std::size_t i : review->table.rows()) out.push_back(review->table.all()[i].code);
    return out;
  }
  static std::vector<std::size_t> counts(const app::BatchCounts& b) {
    return {b.received, b.kept, b.failed, b.duplicates, b.conflicts};
  }
};

TEST_F(ReportTest, TwoBatchesAreCountedApartBesideTheTotals) {
  batch({{"1.json", household(1, "Thôn Đông", "often")}, {"2.json", household(2, "Thôn Tây", "never")},
         {"bad.json", "{\"format\": broken"}});
  // The second batch: one new, a copy of 1, and 2 answered otherwise (redone, same id).
  batch({{"3.json", household(3, "Thôn Đông", "sometimes")}, {"1 (1).json", household(1, "Thôn Đông", "often")},
         {"2-redone.json", household(2, "Thôn Bắc", "often")}});
  const auto& b = review->batches.all();
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(counts(b[0]), (std::vector<std::size_t>{3, 2, 1, 0, 0}));
  EXPECT_EQ(counts(b[1]), (std::vector<std::size_t>{3, 1, 0, 1, 1}));
  EXPECT_EQ(counts(app::ImportBatches::totals(*review->importer())), (std::vector<std::size_t>{6, 2, 1, 1, 1}))
      << "HH-2 waits for a choice: not counted";
  review->choose(0, 0);
  EXPECT_EQ(app::ImportBatches::totals(*review->importer()).kept, 3u);
  // The duplicate and the conflict name the file they match (its report: 1.json, 2.json).
  const auto& reps = review->importer()->reports();
  ASSERT_EQ(b[1].copies.size(), 2u);
  EXPECT_EQ(reps[reps[b[1].copies[0]].same_as].file, "1.json");
  EXPECT_EQ(reps[reps[b[1].copies[1]].same_as].file, "2.json");
}

TEST_F(ReportTest, AConflictCountsOnlyOnceSomeoneChoosesAndTheChoiceIsKept) {
  batch({{"2.json", household(2, "Thôn Tây", "never")}, {"1.json", household(1, "Thôn Đông", "often")}});
  batch({{"2-redone.json", household(2, "Thôn Bắc", "often")}});
  EXPECT_EQ(codes(), (std::vector<std::string>{"HH-1"})) << "held: neither copy counts by file order";
  EXPECT_EQ(review->table.aggregates().count, 1u);
  ASSERT_EQ(review->importer()->conflict_list().size(), 1u);
  const dr::Conflict& k = review->importer()->conflict_list()[0];
  const std::string id = k.id;
  // What the organiser sees: the village and the payment answer differ.
  const auto diff = app::answer_differences(k.copies[0], k.copies[1]);
  ASSERT_EQ(diff.size(), 2u);
  EXPECT_EQ(diff[0].question->id, "village");
  EXPECT_EQ(diff[0].a->str(), "Thôn Tây");
  EXPECT_EQ(diff[0].b->str(), "Thôn Bắc");
  EXPECT_EQ(diff[1].question->id, "pays_online");
  EXPECT_FALSE(app::other_than_answers(k.copies[0], k.copies[1]));

  review->choose(0, 1);  // the redone copy
  review->refresh();
  EXPECT_EQ(codes(), (std::vector<std::string>{"HH-1", "HH-2"}));
  const app::Row* row = review->table.find(id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->village, "Thôn Bắc");
  EXPECT_EQ(review->importer()->reports()[row->report].file, "2-redone.json");
  ASSERT_TRUE(review->table.aggregates().dimensions[1].mean);
  EXPECT_DOUBLE_EQ(*review->table.aggregates().dimensions[1].mean, 100);  // both "often"

  // The next visit: both copies come back from storage, and the choice with them.
  review = std::make_unique<app::Review>(catalog, bulk, small, [this] { return now; });
  review->set_source_names("kept.ndjson", "this device");
  settle();
  ASSERT_EQ(review->importer()->conflict_list().size(), 1u);
  EXPECT_EQ(review->importer()->conflict_list()[0].chosen, 1);
  EXPECT_EQ(review->importer()->undecided(), 0u);
  ASSERT_TRUE(review->table.find(id));
  EXPECT_EQ(review->table.find(id)->village, "Thôn Bắc");
  EXPECT_TRUE(review->batches.all().empty()) << "what storage gives back is no batch";
}

// Worked example: Thôn Đông: HH-1 often (pay 100 %), HH-3 sometimes (50 %) -> 75 %, n 2; Thôn Tây:
// HH-2 never -> 0 %, n 1; one result without a village comes last.
TEST_F(ReportTest, VillageTableHasVillagesAsRowsAndAreasWithTheirN) {
  batch({{"1.json", household(1, "Thôn Đông", "often")}, {"2.json", household(2, "Thôn Tây", "never")},
         {"3.json", household(3, " Thôn  Đông", "sometimes")}, {"4.json", household(4, "", "often")}});
  dr::Filter f;
  f.survey_id = "mini";
  f.level = "l2";  // not used: a village row counts everyone in it
  const app::ReportTable t = app::village_table(review->importer()->results(), *s, f, "vi", "Thôn", "Số kết quả");
  ASSERT_GE(t.columns.size(), 5u);
  EXPECT_EQ(t.columns[0].code, "village");
  EXPECT_EQ(t.columns[3].code, "pay");
  EXPECT_EQ(t.columns[3].header, "Thanh toán");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0].text, "Thôn Đông");
  EXPECT_EQ(*t.rows[0][1].number, 2);
  EXPECT_DOUBLE_EQ(*t.rows[0][3].number, 75);
  EXPECT_EQ(t.rows[0][3].n, 2u);
  EXPECT_EQ(t.rows[1][0].text, "Thôn Tây");
  EXPECT_DOUBLE_EQ(*t.rows[1][3].number, 0);
  EXPECT_EQ(t.rows[1][3].n, 1u);
  EXPECT_EQ(t.rows[2][0].text, "(chưa ghi)");
  // The CSV writes what the table holds: a percent, then its n.
  const std::string csv = app::report_csv(t);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("Thanh toán % [pay],n [pay.n]"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nThôn Đông,2,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",75,2"), std::string::npos) << csv;
}

TEST_F(ReportTest, VillageTableCountsTheProvinceIndicatorsPerVillage) {
  // mini-v2's worked result (tests/CMakeLists.txt cli_indicators): adult_smartphone 2 of 3 in Thôn 1.
  auto r2 = dr::load_survey(drt::read_file(std::string(DR_TEST_DATA) + "/mini-v2.json"), "mini-v2.json");
  ASSERT_TRUE(r2.survey);
  catalog.add(r2.survey);
  batch({{"v2.json", drt::read_file(std::string(DR_TEST_DATA) + "/mini-v2-result.json")},
         {"1.json", household(1, "Thôn 1", "often")}});
  dr::Filter f;
  const app::ReportTable t = app::village_table(review->importer()->results(), *s, f, "vi", "Thôn", "Số kết quả");
  std::size_t col = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].code == "ind.adult_smartphone") col = c;
  ASSERT_GT(col, 0u);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][0].text, "Thôn 1");
  EXPECT_EQ(*t.rows[0][1].number, 1) << "one result of the survey shown";
  EXPECT_NEAR(*t.rows[0][col].number, 200.0 / 3, 1e-9);
  EXPECT_EQ(*t.rows[0][col].numerator, 2);
  EXPECT_EQ(*t.rows[0][col].of, 3);
  EXPECT_EQ(t.rows[0][col].n, 1u);
}

}  // namespace

namespace {

// Worked example: three households answer want_learn (several choices): {pay, scam}, {pay}, {none};
// a fourth leaves it unanswered. pay 2, scam 1, none 1 of 3 answered.
TEST(Wishes, EachThingAskedForIsCountedOverThePeopleWhoAnswered) {
  auto s = dr::load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/household-digital-skills.json"), "h.json").survey;
  ASSERT_TRUE(s);
  std::vector<dr::Result> results;
  for (const std::vector<std::string>& wish : std::vector<std::vector<std::string>>{{"pay", "scam"}, {"pay"}, {"none"}, {}}) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    r.status = dr::Status::Complete;
    if (!wish.empty()) r.answers["want_learn"] = dr::Value(wish);
    results.push_back(r);
  }
  dr::Filter f;
  const app::Wishes w = app::count_wishes(results, *s, f);
  EXPECT_EQ(w.question, "want_learn");
  EXPECT_EQ(w.answered, 3u);
  std::map<std::string, std::size_t> by;
  for (const auto& c : w.counts) by[c.option->value] = c.people;
  EXPECT_EQ(by["pay"], 2u);
  EXPECT_EQ(by["scam"], 1u);
  EXPECT_EQ(by["none"], 1u);
  EXPECT_EQ(by["sell"], 0u);
  EXPECT_TRUE(app::count_wishes(results, *apt::mini(), f).question.empty()) << "a survey without the question";
}

// HH-7 answered two surveys (the later first in the file order) and HH-8 one: HH-7's results come
// together, oldest first.
TEST(HouseholdSurveys, AHouseholdIsSeenAcrossItsSurveysOldestFirst) {
  auto a = apt::mini();
  auto b = apt::mini("2.0.0");
  auto make = [](const dr::Survey& s, const char* code, const char* when) {
    dr::Result r = dr::new_result(s, "vi", when);
    r.profile["household_code"] = std::string(code);
    r.completed = when;
    return r;
  };
  std::vector<dr::Result> results{make(*b, "HH-7", "2026-11-20T08:00:00Z"), make(*a, "HH-8", "2026-11-01T08:00:00Z"),
                                  make(*a, " HH-7", "2026-10-01T08:00:00Z")};
  EXPECT_EQ(app::household_results(results, "HH-7"), (std::vector<std::size_t>{2, 0}));
  EXPECT_EQ(app::household_results(results, "HH-8"), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(app::household_results(results, "").empty());
  results[0].held = true;  // a conflict nobody has chosen a copy for
  EXPECT_EQ(app::household_results(results, "HH-7"), (std::vector<std::size_t>{2}));
}

}  // namespace

// The organiser's report under a date filter and by round, and the training list joined across the
// surveys that score the same area. Worked examples: results in, rows and counts out.
#include <memory>

#include "app/result_table.hpp"
#include "app/rounds.hpp"
#include "app/training_list.hpp"
#include "app/village_table.hpp"

#include "app_test_util.hpp"

namespace {

std::shared_ptr<const dr::Survey> survey(const char* file) {
  auto r = dr::load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + file), file, drt::labels());
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

// A result of `s` about `code` in `village`, completed at `when` (UTC), scoring `safety` on the area
// "safety" (the other areas unscored: only the scores are read).
dr::Result scored(const std::shared_ptr<const dr::Survey>& s, const std::string& code, const std::string& village,
                  const std::string& when, double safety) {
  dr::Result r = dr::new_result(*s, "vi", when);
  static int n = 0;
  char id[33];
  std::snprintf(id, sizeof id, "%032x", ++n);
  r.id = id;
  r.survey = s;  // as the importer links it
  r.status = dr::Status::Complete;
  r.completed = when;
  r.profile["household_code"] = code;
  if (!village.empty()) r.profile["village"] = village;
  r.scores.dimensions = {{"safety", safety}};
  return r;
}

struct Joined : ::testing::Test {
  std::shared_ptr<const dr::Survey> skills = survey("household-digital-skills.json");
  std::shared_ptr<const dr::Survey> pay = survey("online-payment.json");
  std::vector<dr::Result> results;
  void SetUp() override {
    // HH-1: skills 40 (its newest; an older skills result of 10 no longer counts), payment 70.
    results.push_back(scored(skills, "HH-1", "Thôn Đông", "2026-01-01T08:00:00Z", 10));
    results.push_back(scored(skills, "HH-1", "Thôn Đông", "2026-03-01T08:00:00Z", 40));
    results.push_back(scored(pay, "HH-1", "Thôn Đông", "2026-03-05T08:00:00Z", 70));
    // HH-2: fine in skills (80), weak in payment (30). HH-3: skills only, fine. HH-4: payment only, 20.
    results.push_back(scored(skills, "HH-2", "Thôn Tây", "2026-03-02T08:00:00Z", 80));
    results.push_back(scored(pay, "HH-2", "Thôn Tây", "2026-06-30T20:00:00Z", 30));  // 1 July in Vietnam
    results.push_back(scored(skills, "HH-3", "Thôn Tây", "2026-03-02T09:00:00Z", 90));
    results.push_back(scored(pay, "HH-4", "", "2026-03-06T08:00:00Z", 20));
  }
  const app::TrainingArea& safety(const std::vector<app::TrainingArea>& areas) {
    for (const auto& a : areas)
      if (a.id == "safety") return a;
    ADD_FAILURE() << "no safety area";
    return areas.front();
  }
};

TEST_F(Joined, AnAreaScoredByTwoSurveysIsOneListWithWhereEachScoreCameFrom) {
  dr::Filter f;
  f.survey_id = skills->id;  // the tab's survey: not a limit on the joined list
  const auto areas = app::training_list(results, *skills, f, 55);
  ASSERT_EQ(areas.size(), skills->dimensions.size());
  const app::TrainingArea& a = safety(areas);
  ASSERT_EQ(a.surveys.size(), 2u);
  EXPECT_EQ(a.surveys[0]->id, "household-digital-skills");
  EXPECT_EQ(a.surveys[1]->id, "online-payment");
  EXPECT_EQ(a.scored, 4u);  // HH-1..4: n 3 of N 4
  ASSERT_EQ(a.people.size(), 3u);
  // Once each, by village (none last); each score with its survey, lowest first.
  EXPECT_EQ(a.people[0].who, "HH-1");
  EXPECT_EQ(a.people[0].village, "Thôn Đông");
  ASSERT_EQ(a.people[0].scores.size(), 2u);
  EXPECT_EQ(a.people[0].scores[0].percent, 40);
  EXPECT_EQ(a.people[0].scores[0].survey->id, "household-digital-skills");
  EXPECT_EQ(a.people[0].scores[0].result, 1u) << "the newer skills result, not the one of January";
  EXPECT_EQ(a.people[0].scores[1].percent, 70);
  EXPECT_EQ(a.people[0].scores[1].survey->id, "online-payment");
  EXPECT_EQ(a.people[1].who, "HH-2");
  EXPECT_EQ(a.people[1].lowest(), 30);
  EXPECT_EQ(a.people[1].scores[0].survey->id, "online-payment");
  EXPECT_EQ(a.people[1].scores[1].percent, 80);
  EXPECT_EQ(a.people[2].who, "HH-4");
  EXPECT_EQ(a.people[2].village, "");
  // Other areas of the skills survey are scored by no one here.
  for (const auto& other : areas)
    if (other.id != "safety") EXPECT_TRUE(other.people.empty()) << other.id;
}

TEST_F(Joined, TheDatesChosenApplyToEverySurveyAtLocalTime) {
  dr::Filter f;
  f.date_from = "2026-03-02";
  f.date_to = "2026-06-30";
  f.utc_offset_minutes = 7 * 60;  // HH-2's payment (30 June 20:00 UTC) was 1 July in Vietnam: out
  const app::TrainingArea a = safety(app::training_list(results, *skills, f, 55));
  EXPECT_EQ(a.scored, 4u) << "HH-1 payment, HH-2 skills, HH-3 skills, HH-4 payment";
  ASSERT_EQ(a.people.size(), 1u);
  EXPECT_EQ(a.people[0].who, "HH-4");
  f.utc_offset_minutes = 0;  // at UTC it was still 30 June
  const app::TrainingArea b = safety(app::training_list(results, *skills, f, 55));
  ASSERT_EQ(b.people.size(), 2u);
  EXPECT_EQ(b.people[0].who, "HH-2");
}

TEST_F(Joined, TheTableCountsNOfNUnderTheDatesAndKeepsThemAcrossSurveys) {
  dr::SurveyCatalog catalog;
  catalog.add(skills);
  catalog.add(pay);
  app::ResultTable t;
  for (std::size_t i = 0; i < results.size(); ++i) t.add(results[i], i, i);
  t.choose_survey(skills->id, skills->version);
  t.rebuild(results, catalog);
  EXPECT_EQ(t.rows().size(), 4u);
  EXPECT_EQ(t.of_survey(), 4u);
  t.choose_dates("2026-03-01", "2026-03-01", 420);
  EXPECT_TRUE(t.filtered());
  t.rebuild(results, catalog);
  EXPECT_EQ(t.rows().size(), 1u) << "HH-1's skills of 1 March";
  EXPECT_EQ(t.of_survey(), 4u);
  EXPECT_EQ(t.aggregates().count, 1u);
  // The training tab's list follows the same filter (worked out when asked for).
  const app::TrainingArea& a = safety(t.training(results, catalog));
  ASSERT_EQ(a.people.size(), 1u);
  EXPECT_EQ(a.people[0].who, "HH-1");
  EXPECT_EQ(a.people[0].scores.size(), 1u) << "its payment of 5 March is outside the day chosen";
  t.choose_survey(pay->id, pay->version);  // the dates stay
  t.rebuild(results, catalog);
  EXPECT_EQ(t.filter.date_from, "2026-03-01");
  EXPECT_EQ(t.rows().size(), 0u);
  EXPECT_EQ(t.of_survey(), 3u);
  t.clear_filters();
  t.rebuild(results, catalog);
  EXPECT_EQ(t.rows().size(), 3u);
}

TEST_F(Joined, TheVillageTableCountsOnlyTheDatesChosen) {
  dr::Filter f;
  f.survey_id = skills->id;
  f.date_from = "2026-03-02";
  f.date_to = "2026-03-04";  // HH-2's and HH-3's skills results only
  const app::ReportTable all = app::village_table(results, *skills, dr::Filter(), "vi", "Thôn", "Số kết quả");
  const app::ReportTable dated = app::village_table(results, *skills, f, "vi", "Thôn", "Số kết quả");
  // Every survey's records make a village a row (its indicators): HH-4's payment, no village, too.
  ASSERT_EQ(all.rows.size(), 3u);
  EXPECT_EQ(*all.rows[0][1].number, 2) << "Thôn Đông: HH-1's two skills results";
  ASSERT_EQ(dated.rows.size(), 1u);
  EXPECT_EQ(dated.rows[0][0].text, "Thôn Tây");
  EXPECT_EQ(*dated.rows[0][1].number, 2);
}

TEST_F(Joined, TheCsvHasOneRowPerPersonAndAreaWithWhereEachScoreCameFrom) {
  const auto areas = app::training_list(results, *skills, dr::Filter(), 55);
  const std::string csv = app::training_csv(areas, *skills, drt::words("vi"));
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("Lĩnh vực,Thôn/ấp,Mã hộ / tên,Điểm lĩnh vực %,Điểm theo khảo sát\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nAn toàn trên mạng,Thôn Đông,HH-1,40,Kỹ năng số của hộ gia đình 40% · "), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nAn toàn trên mạng,,HH-4,20,"), std::string::npos) << csv;
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; ++at) ++rows;
  EXPECT_EQ(rows, 1u + 3u);
}

TEST(LocalDate, UtcTimesBecomeTheLocalDay) {
  EXPECT_EQ(dr::local_date("2026-03-31T18:30:00Z", 420), "2026-04-01");
  EXPECT_EQ(dr::local_date("2026-03-31T18:30:00.250Z", -300), "2026-03-31");
  EXPECT_EQ(dr::local_date("2026-01-01T02:00:00Z", -300), "2025-12-31");
  EXPECT_EQ(dr::local_date("2028-02-28T20:00:00Z", 420), "2028-02-29");
  EXPECT_EQ(dr::local_date("soon", 0), "");
  EXPECT_EQ(dr::local_date("", 0), "");
}

TEST(Rounds, ParseDatesAsTypedHere) {
  EXPECT_EQ(app::parse_date("30/6/2026"), "2026-06-30");
  EXPECT_EQ(app::parse_date(" 01-01-2026 "), "2026-01-01");
  EXPECT_EQ(app::parse_date("2026-06-30"), "2026-06-30");
  EXPECT_EQ(app::parse_date("29/02/2028"), "2028-02-29");
  EXPECT_FALSE(app::parse_date("29/02/2026"));
  EXPECT_FALSE(app::parse_date("31/04/2026"));
  EXPECT_FALSE(app::parse_date("1/2026"));
  EXPECT_FALSE(app::parse_date("30/6/2026x"));
  EXPECT_EQ(app::date_words("2026-06-30"), "30/06/2026");
}

TEST(Rounds, ARoundIsKeptForTheNextVisitAndNamesItsDates) {
  platform::FolderStorage disk{apt::fresh_folder()};
  using P = app::Rounds::Problem;
  {
    app::Rounds rounds(disk);
    EXPECT_EQ(rounds.next_name("Đợt {0}/{1}", "2026"), "Đợt 1/2026");
    EXPECT_EQ(rounds.save("Đợt 2/2026", "1/7/2026", "31/12/2026"), P::None);
    EXPECT_EQ(rounds.save("  Đợt 1/2026 ", "01/01/2026", "30/06/2026"), P::None);
    EXPECT_EQ(rounds.save("", "01/01/2026", "30/06/2026"), P::NoName);
    EXPECT_EQ(rounds.save("Đợt 3", "31/02/2026", "30/06/2026"), P::BadFrom);
    EXPECT_EQ(rounds.save("Đợt 3", "01/01/2026", "tomorrow"), P::BadTo);
    EXPECT_EQ(rounds.save("Đợt 3", "01/07/2026", "30/06/2026"), P::ToBeforeFrom);
    EXPECT_EQ(rounds.next_name("Đợt {0}/{1}", "2026"), "Đợt 3/2026");
  }
  app::Rounds again(disk);
  ASSERT_EQ(again.all().size(), 2u);
  EXPECT_EQ(again.all()[0].name, "Đợt 1/2026");  // in date order
  EXPECT_EQ(again.all()[0].from, "2026-01-01");
  EXPECT_EQ(again.all()[0].to, "2026-06-30");
  ASSERT_TRUE(again.find("2026-07-01", "2026-12-31"));
  EXPECT_EQ(again.find("2026-07-01", "2026-12-31")->name, "Đợt 2/2026");
  EXPECT_FALSE(again.find("2026-07-01", "2026-12-30"));
  // The same name again: its dates change, no second round.
  EXPECT_EQ(again.save("Đợt 2/2026", "01/07/2026", "15/12/2026"), P::None);
  EXPECT_EQ(again.all().size(), 2u);
  again.remove("Đợt 1/2026");
  EXPECT_EQ(app::Rounds(disk).all().size(), 1u);
}

}  // namespace

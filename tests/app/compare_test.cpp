// Before/after: what may be compared with the result on screen.
#include "app/compare.hpp"

#include "app/level_scale.hpp"

#include "app_test_util.hpp"

namespace {

struct CompareTest : apt::StoreTest {
  app::Compare cmp;

  dr::Result done(const char* phone) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    dr::Answers a;
    a["has_phone"] = phone;
    a["pays_online"] = "never";
    dr::complete_result(r, *s, a, "2026-11-01T08:10:00Z");
    return r;
  }
};

TEST_F(CompareTest, OfferedOnlyWithAnotherKeptResultOfTheSameSurvey) {
  const dr::Result now = done("yes");
  store.save_result(now);
  store.load(catalog);
  EXPECT_FALSE(app::Compare::offered(*s, now, store)) << "itself is not an earlier result";
  store.save_result(done("no"));
  store.load(catalog);
  EXPECT_TRUE(app::Compare::offered(*s, now, store));
}

TEST_F(CompareTest, AFileOfAnotherSurveyOrDamagedIsRefusedWithWhy) {
  cmp.follow("now");
  cmp.open();
  cmp.picking = true;
  cmp.take_file("broken.json", "{", catalog, "mini");
  EXPECT_FALSE(cmp.picking);
  ASSERT_TRUE(cmp.refusal());
  EXPECT_EQ(cmp.refusal()->problem, dr::ReadProblem::Damaged);
  EXPECT_EQ(cmp.refusal()->file, "broken.json");
  const dr::Result earlier = done("no");
  cmp.take_file("a.json", dr::result_to_json(earlier), catalog, "other-survey");
  ASSERT_TRUE(cmp.refusal());
  EXPECT_EQ(cmp.refusal()->problem, dr::ReadProblem::None);
  EXPECT_FALSE(cmp.earlier());
  cmp.take_file("a.json", dr::result_to_json(earlier), catalog, "mini");
  EXPECT_FALSE(cmp.refusal());
  ASSERT_TRUE(cmp.earlier());
  EXPECT_EQ(cmp.earlier()->id, earlier.id);
}

TEST_F(CompareTest, AnotherResultOnScreenStartsOver) {
  cmp.follow("r1");
  cmp.open();
  cmp.pick(done("no"));
  cmp.follow("r1");
  EXPECT_TRUE(cmp.is_open());
  EXPECT_TRUE(cmp.earlier());
  cmp.follow("r2");
  EXPECT_FALSE(cmp.is_open());
  EXPECT_FALSE(cmp.earlier());
}

TEST(CompareRowTest, TheChangeIsThatOfTheShownNumbers) {
  // 38.6 % shows as 39 %, 48.4 % as 48 %: the change said is +9, not the +10 of the raw scores.
  const app::CompareRow r = app::compare_row(38.6, 48.4);
  EXPECT_EQ(r.before, 39);
  EXPECT_EQ(r.after, 48);
  EXPECT_EQ(r.change, 9);
  EXPECT_EQ(app::compare_row(50.4, 49.6).change, 0) << "50 % and 50 %: no change";
  EXPECT_EQ(app::compare_row(70, 55).change, -15);
  const app::CompareRow missing = app::compare_row(std::nullopt, 40);
  EXPECT_FALSE(missing.before);
  EXPECT_EQ(missing.after, 40);
  EXPECT_FALSE(missing.change);
}

TEST_F(CompareTest, AnEarlierResultOfAnotherHouseholdIsNamedAsSuch) {
  auto named = [&](const char* code) {
    dr::Result r = done("no");
    if (*code) r.profile["household_code"] = dr::Value(std::string(code));
    return r;
  };
  EXPECT_FALSE(app::other_respondent(named("TL-05-023"), named(" tl-05-023 "))) << "case and spaces aside";
  EXPECT_TRUE(app::other_respondent(named("TL-05-023"), named("TL-05-024")));
  EXPECT_FALSE(app::other_respondent(named(""), named("TL-05-024"))) << "unnamed: nothing to say";
  EXPECT_FALSE(app::other_respondent(named("CHUA-MA-3F7A9C"), named("TL-05-024"))) << "answered alone: no code yet";
}

TEST(LevelScaleTest, TheLevelIsSaidWithItsPlaceOnTheScale) {
  const auto s = apt::mini();
  ASSERT_GE(s->levels.size(), 2u);
  const app::LevelPlace first = app::level_place(*s, &s->levels[0]);
  EXPECT_EQ(first.n, 1);
  EXPECT_EQ(first.of, int(s->levels.size()));
  EXPECT_EQ(app::level_place(*s, &s->levels.back()).n, int(s->levels.size()));
  EXPECT_EQ(app::level_place(*s, nullptr).n, 0);
}

}  // namespace

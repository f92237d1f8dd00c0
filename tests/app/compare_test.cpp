// Before/after: what may be compared with the result on screen.
#include "app/compare.hpp"

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

}  // namespace

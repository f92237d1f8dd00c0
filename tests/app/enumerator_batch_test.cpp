// Enumerator mode: what joins the batch, and how the next household starts.
#include "app/enumerator_batch.hpp"

#include "app_test_util.hpp"

namespace {

struct EnumeratorTest : apt::StoreTest {
  app::EnumeratorBatch batch;

  dr::Result household(const std::string& code, bool complete) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    dr::Answers a;
    a["household_code"] = code;
    a["province"] = "Đồng Nai";
    a["village"] = "Thôn Bắc";
    a["has_phone"] = "no";
    a["pays_online"] = "never";
    if (complete) dr::complete_result(r, *s, a, "2026-11-01T08:10:00Z");
    else dr::update_result(r, *s, a, "2026-11-01T08:10:00Z");
    return r;
  }
};

TEST_F(EnumeratorTest, OnlyCompleteResultsJoinOnceAndOnlyWhileOn) {
  const dr::Result a = household("HH-1", true), b = household("HH-2", true);
  EXPECT_FALSE(batch.add(a)) << "mode off";
  batch.start();
  EXPECT_TRUE(batch.add(a));
  EXPECT_FALSE(batch.add(a)) << "shown again: still one";
  EXPECT_FALSE(batch.add(household("HH-3", false))) << "a draft";
  EXPECT_TRUE(batch.add(b));
  EXPECT_EQ(batch.size(), 2u);
  const std::string file = batch.ndjson();
  EXPECT_EQ(std::count(file.begin(), file.end(), '\n'), 2);
  EXPECT_EQ(file.find(a.id) < file.find(b.id), true) << "in the order they joined";
  // The batch reads back as results.
  dr::ReadResult rr = dr::read_result(file.substr(0, file.find('\n')), "batch #1", catalog);
  EXPECT_TRUE(rr.ok);
  batch.start();
  EXPECT_EQ(batch.size(), 0u) << "a new session starts empty";
}

TEST_F(EnumeratorTest, NextHouseholdKeepsThePlaceWithAFreshCode) {
  ASSERT_TRUE(store.save_result(household("HH-0042", true)));
  ASSERT_TRUE(store.save_draft(household("HH-0044", false)));
  store.load(catalog);
  const dr::Answers a = app::EnumeratorBatch::next_household(*s, household("HH-0042", true), store);
  EXPECT_EQ(dr::find_answer(a, "village")->str(), "Thôn Bắc");
  EXPECT_EQ(dr::find_answer(a, "province")->str(), "Đồng Nai");
  EXPECT_EQ(dr::find_answer(a, "commune"), nullptr) << "not answered before";
  EXPECT_EQ(dr::find_answer(a, "household_code")->str(), "HH-0043");
  const dr::Answers b = app::EnumeratorBatch::next_household(*s, household("HH-0043", true), store);
  EXPECT_EQ(dr::find_answer(b, "household_code")->str(), "HH-0045") << "HH-0044 has a kept draft";
  EXPECT_EQ(dr::find_answer(b, "has_phone"), nullptr) << "only the place carries over";
}

}  // namespace

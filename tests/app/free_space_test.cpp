// Deleting a record, and storage full: what is offered for deletion, in what order, and that the
// refused save goes through once room is made.
#include "app/free_space.hpp"

#include "app/respondent.hpp"
#include "app_test_util.hpp"

namespace {

using app::RecordStore;

struct FreeSpaceTest : apt::StoreTest {
  dr::Result make(const std::string& code, const std::string& when) {
    dr::Result r = dr::new_result(*s, "vi", when);
    dr::Answers a{{"household_code", code}, {"has_phone", "yes"}};
    dr::update_result(r, *s, a, when);
    return r;
  }
  std::vector<std::string> codes(const std::vector<const RecordStore::Entry*>& list) {
    std::vector<std::string> out;
    for (const auto* e : list) out.push_back(app::respondent(e->result));
    return out;
  }
};

TEST_F(FreeSpaceTest, ADeletedResultIsGoneFromTheListAndFromStorageWithItsSentMarker) {
  dr::Result a = make("HO-001", "2026-11-01T08:00:00Z"), b = make("HO-002", "2026-11-02T08:00:00Z");
  ASSERT_TRUE(store.save_result(a));
  ASSERT_TRUE(store.save_result(b));
  store.load(catalog);
  ASSERT_TRUE(store.mark_sent(a.id));
  store.remove(RecordStore::kResult + a.id);
  ASSERT_EQ(store.results().size(), 1u);  // gone from the list at once
  EXPECT_EQ(store.results()[0].result.id, b.id);
  EXPECT_EQ(disk.get(RecordStore::kResult + a.id), "");
  EXPECT_EQ(disk.get(RecordStore::kSent + a.id), "");  // nothing of it is left behind
  EXPECT_TRUE(disk.keys("digiready.").size() == 1u);
  store.load(catalog);  // and after a reload
  ASSERT_EQ(store.results().size(), 1u);
  EXPECT_EQ(store.results()[0].result.id, b.id);
}

TEST_F(FreeSpaceTest, OfferedSentResultsFirstThenOtherResultsThenDraftsOldestFirst) {
  ASSERT_TRUE(store.save_result(make("R-OLD", "2026-11-01T08:00:00Z")));
  const dr::Result sent_new = make("R-SENT-NEW", "2026-11-04T08:00:00Z");
  const dr::Result sent_old = make("R-SENT-OLD", "2026-11-02T08:00:00Z");
  ASSERT_TRUE(store.save_result(sent_new));
  ASSERT_TRUE(store.save_result(sent_old));
  ASSERT_TRUE(store.save_result(make("R-NEW", "2026-11-05T08:00:00Z")));
  ASSERT_TRUE(store.save_draft(make("D-1", "2026-11-03T08:00:00Z")));
  store.load(catalog);
  store.mark_sent(sent_new.id);
  store.mark_sent(sent_old.id);
  store.load(catalog);  // the markers are read back
  EXPECT_EQ(codes(store.deletable()),
            (std::vector<std::string>{"R-SENT-OLD", "R-SENT-NEW", "R-OLD", "R-NEW", "D-1"}));
}

TEST_F(FreeSpaceTest, StorageFullTheRefusedSaveGoesThroughOnceAResultIsDeleted) {
  const dr::Result old = make("HO-001", "2026-11-01T08:00:00Z");
  ASSERT_TRUE(store.save_result(old));
  store.load(catalog);
  store.mark_sent(old.id);
  disk.set_capacity(disk.used_bytes() + 40);  // room for nothing more than a small value
  dr::Result now = make("HO-002", "2026-11-02T08:00:00Z");
  ASSERT_FALSE(store.save_draft(now));

  app::FreeSpace room(store);
  room.need([&] { return store.save_draft(now); }, RecordStore::kDraft + now.id);
  EXPECT_TRUE(room.waiting());
  ASSERT_EQ(codes(room.offer()), std::vector<std::string>{"HO-001"});
  EXPECT_FALSE(room.retry());  // nothing deleted yet: still refused, still waiting
  EXPECT_TRUE(room.waiting());
  EXPECT_TRUE(room.remove(RecordStore::kResult + old.id));
  EXPECT_FALSE(room.waiting());
  store.load(catalog);
  ASSERT_EQ(store.drafts().size(), 1u);
  EXPECT_EQ(store.drafts()[0].result.id, now.id);
  EXPECT_TRUE(store.results().empty());
}

TEST_F(FreeSpaceTest, TheRecordBeingSavedIsNeverOffered) {
  dr::Result d = make("HO-001", "2026-11-01T08:00:00Z");
  ASSERT_TRUE(store.save_draft(d));
  store.load(catalog);
  app::FreeSpace room(store);
  room.need([] { return false; }, RecordStore::kDraft + d.id);
  EXPECT_TRUE(room.offer().empty());
  EXPECT_FALSE(room.remove(RecordStore::kDraft + d.id));
  EXPECT_NE(disk.get(RecordStore::kDraft + d.id), "");
  room.give_up();
  EXPECT_FALSE(room.waiting());
}

}  // namespace

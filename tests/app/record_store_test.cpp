// The store policy: what is listed, what is left alone, what is set aside (and only that).
#include "app/record_store.hpp"

#include "app_test_util.hpp"

namespace {

using app::RecordStore;

struct RecordStoreTest : ::testing::Test {
  platform::FolderStorage disk{apt::fresh_folder()};
  std::vector<std::string> log;
  RecordStore store{disk, [this](const std::string& l) { log.push_back(l); }};
  std::shared_ptr<const dr::Survey> v1 = apt::mini("1.0.0");
  dr::SurveyCatalog catalog;

  void SetUp() override { catalog.add(v1); }

  dr::Result draft(const std::shared_ptr<const dr::Survey>& s, const std::string& code, const std::string& when) {
    dr::Result r = dr::new_result(*s, "vi", when);
    dr::Answers a;
    if (!code.empty()) a["household_code"] = code;
    a["has_phone"] = "yes";
    dr::update_result(r, *s, a, when);
    return r;
  }
};

TEST_F(RecordStoreTest, SavedDraftsAndResultsAreListedNewestFirst) {
  dr::Result a = draft(v1, "HO-001", "2026-11-01T08:00:00Z"), b = draft(v1, "HO-002", "2026-11-02T08:00:00Z");
  ASSERT_TRUE(store.save_draft(a));
  ASSERT_TRUE(store.save_draft(b));
  EXPECT_EQ(store.load(catalog), 0);
  ASSERT_EQ(store.drafts().size(), 2u);
  EXPECT_EQ(store.drafts()[0].result.id, b.id);
  EXPECT_EQ(store.drafts()[0].progress.answered, 2);  // household code + has_phone
  EXPECT_TRUE(store.results().empty());
}

TEST_F(RecordStoreTest, SavingTheResultRemovesItsDraft) {
  dr::Result a = draft(v1, "HO-001", "2026-11-01T08:00:00Z");
  ASSERT_TRUE(store.save_draft(a));
  ASSERT_TRUE(store.save_result(a));
  store.load(catalog);
  EXPECT_TRUE(store.drafts().empty());
  ASSERT_EQ(store.results().size(), 1u);
  EXPECT_EQ(store.results()[0].key, std::string(RecordStore::kResult) + a.id);
}

TEST_F(RecordStoreTest, ADamagedRecordIsSetAsideWithItsBytesAndWhy) {
  const std::string cut = "{\"format\":\"digiready-result\",\"format_version\":2,\"trunc";
  disk.set("digiready.draft.0123456789abcdef0123456789abcdef", cut);
  ASSERT_TRUE(store.save_draft(draft(v1, "HO-001", "2026-11-01T08:00:00Z")));
  EXPECT_EQ(store.load(catalog), 1);
  EXPECT_EQ(store.drafts().size(), 1u);  // the intact one is untouched
  ASSERT_EQ(store.asides().size(), 1u);
  EXPECT_EQ(store.asides()[0].key, "digiready.aside.draft-0123456789abcdef0123456789abcdef");
  EXPECT_EQ(store.asides()[0].text, cut);
  EXPECT_FALSE(store.asides()[0].reason.empty());
  EXPECT_EQ(disk.get("digiready.draft.0123456789abcdef0123456789abcdef"), "");
  EXPECT_EQ(store.load(catalog), 0) << "set aside once, not again";
}

TEST_F(RecordStoreTest, AnEditedRecordIsSetAside) {
  dr::Result a = draft(v1, "HO-001", "2026-11-01T08:00:00Z");
  std::string json = dr::result_to_json(a);
  json.replace(json.find("HO-001"), 6, "HO-999");  // checksum no longer matches
  disk.set(RecordStore::kResult + a.id, json);
  EXPECT_EQ(store.load(catalog), 1);
  EXPECT_TRUE(store.results().empty());
  ASSERT_EQ(store.asides().size(), 1u);
  EXPECT_EQ(store.asides()[0].key, "digiready.aside.result-" + a.id);
}

TEST_F(RecordStoreTest, WhenStorageIsFullADamagedRecordStaysWhereItIs) {
  const std::string key = "digiready.result.0123456789abcdef0123456789abcdef";
  disk.set(key, "not json");
  disk.set_capacity(disk.used_bytes());  // no room for the copy
  EXPECT_EQ(store.load(catalog), 0);
  EXPECT_EQ(disk.get(key), "not json");
  EXPECT_TRUE(store.asides().empty());
}

TEST_F(RecordStoreTest, ARecordFromANewerAppIsLeftAloneAndListed) {
  // What a later build might write: a format this build does not know.
  const std::string key = "digiready.draft.fedcba9876543210fedcba9876543210";
  const std::string newer = "{\"format\":\"digiready-result\",\"format_version\":99,\"whatever\":[1,2]}";
  disk.set(key, newer);
  EXPECT_EQ(store.load(catalog), 0);
  EXPECT_EQ(disk.get(key), newer) << "an older build must not move or delete it";
  EXPECT_TRUE(store.asides().empty());
  ASSERT_EQ(store.unopened().size(), 1u);
  EXPECT_EQ(store.unopened()[0].problem, dr::ReadProblem::NewerApp);
  EXPECT_TRUE(store.unopened()[0].draft);
  store.load(catalog);
  EXPECT_EQ(disk.get(key), newer);
}

TEST_F(RecordStoreTest, ADraftOfAnotherSurveyVersionStaysListed) {
  auto v2 = apt::mini("2.0.0");
  dr::Result old = draft(v2, "HO-005", "2026-11-03T08:00:00Z");  // v2 not loaded in `catalog`
  ASSERT_TRUE(store.save_draft(old));
  ASSERT_TRUE(store.save_result(draft(v2, "HO-006", "2026-11-03T09:00:00Z")));
  EXPECT_EQ(store.load(catalog), 0);
  ASSERT_EQ(store.unopened().size(), 2u);
  for (const auto& u : store.unopened()) {
    EXPECT_EQ(u.problem, dr::ReadProblem::UnknownSurvey);
    EXPECT_EQ(u.survey_id, "mini");
    EXPECT_EQ(u.survey_version, "2.0.0");
    EXPECT_FALSE(u.text.empty());
  }
  EXPECT_FALSE(disk.get(RecordStore::kDraft + old.id).empty());
  // Once that version is loaded again, they open as usual.
  catalog.add(v2);
  store.load(catalog);
  EXPECT_EQ(store.drafts().size(), 1u);
  EXPECT_EQ(store.results().size(), 1u);
  EXPECT_TRUE(store.unopened().empty());
}

TEST_F(RecordStoreTest, DispositionByProblem) {
  dr::ReadResult rr;
  rr.ok = true;
  EXPECT_EQ(RecordStore::disposition(rr), RecordStore::Disposition::Open);
  rr.ok = false;
  const std::pair<dr::ReadProblem, RecordStore::Disposition> cases[] = {
      {dr::ReadProblem::Damaged, RecordStore::Disposition::SetAside},
      {dr::ReadProblem::NotAResult, RecordStore::Disposition::SetAside},
      {dr::ReadProblem::Changed, RecordStore::Disposition::SetAside},
      {dr::ReadProblem::NewerApp, RecordStore::Disposition::LeaveInPlace},
      {dr::ReadProblem::UnknownSurvey, RecordStore::Disposition::LeaveInPlace},
  };
  for (auto [problem, want] : cases) {
    rr.problem = problem;
    EXPECT_EQ(RecordStore::disposition(rr), want) << dr::to_key(problem);
  }
  rr.problem = dr::ReadProblem::Invalid;
  rr.checksum_ok = true;
  EXPECT_EQ(RecordStore::disposition(rr), RecordStore::Disposition::LeaveInPlace);
  rr.checksum_ok = false;
  EXPECT_EQ(RecordStore::disposition(rr), RecordStore::Disposition::SetAside);
}

TEST_F(RecordStoreTest, OneDraftPerSurveyAndPerson) {
  dr::Result a = draft(v1, "HO-001", "2026-11-01T08:00:00Z");
  ASSERT_TRUE(store.save_draft(a));
  ASSERT_TRUE(store.save_draft(draft(v1, "", "2026-11-01T09:00:00Z")));
  store.load(catalog);
  const auto* d = store.draft_for("mini", "  ho-001 ", "");
  ASSERT_NE(d, nullptr) << "case and spaces do not make another person";
  EXPECT_EQ(d->result.id, a.id);
  EXPECT_EQ(store.draft_for("mini", "HO-001", a.id), nullptr) << "a draft is not its own duplicate";
  EXPECT_EQ(store.draft_for("mini", "HO-002", ""), nullptr);
  EXPECT_EQ(store.draft_for("other", "HO-001", ""), nullptr);
  EXPECT_EQ(store.draft_for("mini", "", ""), nullptr) << "nobody named yet matches nobody";
}

TEST(FolderStorage, KeysRoundTripThroughFileNames) {
  platform::FolderStorage disk(apt::fresh_folder());
  EXPECT_TRUE(disk.set("digiready.draft.ab", "1"));
  EXPECT_TRUE(disk.set("odd/key with spaces%", "2"));
  EXPECT_EQ(disk.get("odd/key with spaces%"), "2");
  auto keys = disk.keys("digiready.");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0], "digiready.draft.ab");
  EXPECT_EQ(disk.keys("odd/").size(), 1u);
  disk.remove("digiready.draft.ab");
  EXPECT_EQ(disk.get("digiready.draft.ab"), "");
  disk.set_capacity(disk.used_bytes() + 1);
  EXPECT_FALSE(disk.set("big", "too much"));
  EXPECT_EQ(disk.get("big"), "");
}

}  // namespace

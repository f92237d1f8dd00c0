// Results leaving a phone without a file: the QR code shown for a result, and the organiser's scan
// (each code read once, imported exactly like the file it stands for).
#include "app/result_qr.hpp"
#include "app/review.hpp"
#include "app/scan_session.hpp"

#include "app_test_util.hpp"
#include "platform/bulk_folder.hpp"

namespace {

struct ReachTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> s = apt::mini();
  std::string dir = apt::fresh_folder();
  platform::FolderStorage small{dir + "/small"};
  platform::FolderBulkStore bulk{dir + "/bulk"};
  platform::FolderStorage device_disk{dir + "/device"};
  app::RecordStore device{device_disk};
  dr::SurveyCatalog catalog;
  app::Review review{catalog, bulk, small, [] { return 0.0; }};

  void SetUp() override { catalog.add(s); }
  dr::Result household(const std::string& code, const char* phone) {
    dr::Result r = dr::new_result(*s, "vi", "2026-11-01T08:00:00Z");
    dr::Answers a;
    a["household_code"] = code;
    a["has_phone"] = phone;
    a["pays_online"] = "never";
    dr::complete_result(r, *s, a, "2026-11-01T08:10:00Z");
    return r;
  }
  void import(const std::string& name, const std::string& text) {
    review.begin_import(1);
    review.add_file(name, text);
    review.end_import();
    for (int i = 0; i < 100 && (i < 3 || review.busy() || bulk.pending()); ++i) {
      review.pump(device);
      bulk.run_pending();
    }
  }
};

TEST_F(ReachTest, AResultsQrCodeIsItsCompactTextAndDecodesToTheSameRecord) {
  const dr::Result r = household("HD-07", "yes");
  const app::ResultQr qr = app::result_qr(r, *s);
  ASSERT_TRUE(qr.ok()) << qr.error;
  EXPECT_EQ(qr.text.rfind("DR1:", 0), 0u);
  EXPECT_GT(qr.matrix.size, 0);
  EXPECT_EQ(qr.matrix.quiet, 4);
  const dr::CompactDecoding back = dr::decode_compact_text(qr.text, catalog);
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_EQ(back.result.id, r.id);
  EXPECT_EQ(back.json, dr::result_to_json(r));
}

TEST_F(ReachTest, AResultWhoseScoresWereEditedHasNoCodeAndSaysWhy) {
  dr::Result r = household("HD-09", "yes");
  r.scores.overall = 99.0;  // not what its answers give: the receiver would recompute other scores
  const app::ResultQr qr = app::result_qr(r, *s);
  EXPECT_FALSE(qr.ok());
  EXPECT_EQ(qr.matrix.size, 0);
  EXPECT_TRUE(qr.text.empty());
}

TEST(ScanSession, EachCodeCountsOnceWhateverTheCameraRepeats) {
  app::ScanSession scan;
  EXPECT_TRUE(scan.take("DR1:AAA"));
  EXPECT_EQ(scan.name(), "qr-1.txt");
  EXPECT_FALSE(scan.take("DR1:AAA"));
  EXPECT_FALSE(scan.take("DR1:AAA\r\n")) << "a line break from the scanner is the same code";
  EXPECT_FALSE(scan.take("  "));
  EXPECT_TRUE(scan.take("DR1:BBB"));
  EXPECT_EQ(scan.count(), 2u);
  scan.reset();
  EXPECT_EQ(scan.count(), 0u);
}

TEST_F(ReachTest, AScannedCodeIsImportedLikeItsFileAndADuplicateIsKeptOnce) {
  const dr::Result r = household("HD-07", "yes");
  const std::string code = app::result_qr(r, *s).text;
  import("qr-1.txt", code);
  ASSERT_TRUE(review.importer());
  ASSERT_EQ(review.importer()->results().size(), 1u);
  EXPECT_EQ(review.importer()->results()[0].id, r.id);
  EXPECT_EQ(review.importer()->results()[0].scores.overall, r.scores.overall);
  // The same household's file after its code: one result, one duplicate.
  import("HD-07.json", dr::result_to_json(r));
  EXPECT_EQ(review.importer()->results().size(), 1u);
  EXPECT_EQ(review.importer()->duplicates(), 1u);
}

TEST_F(ReachTest, ADamagedCodeIsReportedAsAFailedFileNotKept) {
  const std::string code = app::result_qr(household("HD-08", "no"), *s).text;
  import("qr-1.txt", code.substr(0, code.size() - 6));
  ASSERT_TRUE(review.importer());
  EXPECT_EQ(review.importer()->results().size(), 0u);
  ASSERT_EQ(review.importer()->reports().size(), 1u);
  EXPECT_FALSE(review.importer()->reports()[0].ok);
}

}  // namespace

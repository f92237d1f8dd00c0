#include "core/importer.hpp"
#include "core/fold.hpp"

#include "test_util.hpp"

using namespace dr;

namespace {
SurveyCatalog& cat() {
  static SurveyCatalog c = [] { SurveyCatalog c; c.add(drt::mini()); return c; }();
  return c;
}
std::string make(const std::string& village, const std::string& pays, const std::string& otp,
                 const std::string& province = "Đồng Nai") {
  auto s = drt::mini();
  Answers a;
  a["province"] = province;
  a["village"] = village;
  a["pays_online"] = pays;
  a["otp"] = otp;
  a["has_phone"] = "no";
  Result r = new_result(*s, "vi", "2024-01-01T00:00:00Z");
  complete_result(r, *s, a, "2024-01-01T00:05:00Z");
  return result_to_json(r);
}
}  // namespace

TEST(Importer, CountsFailuresDuplicatesAndKeepsGoing) {
  Importer im(cat());
  std::string a = make("Ấp 1", "often", "never_share");
  EXPECT_TRUE(im.add(a, "a.json").ok);
  EXPECT_FALSE(im.add("{broken", "b.json").ok);
  EXPECT_TRUE(im.add(a, "a-copy.json").duplicate);
  EXPECT_FALSE(im.reports().back().conflict);  // a true copy
  EXPECT_TRUE(im.add(make("Ấp 2", "never", "share"), "c.json").ok);
  im.add_failure("d.json", "d.json: cannot open");
  EXPECT_EQ(im.results().size(), 2u);
  EXPECT_EQ(im.failed(), 2u);
  EXPECT_EQ(im.duplicates(), 1u);
  EXPECT_EQ(im.reports().size(), 5u);
  std::string nd = im.ndjson();
  EXPECT_EQ(std::count(nd.begin(), nd.end(), '\n'), 2);
}

// Worked example: one household answered "often" (pays online: 100 %), then redone as "never" (0 %)
// and sent again with the same id. Neither counts until a person chooses; the choice is what counts,
// whichever file came first.
TEST(Importer, SameIdOtherContentIsHeldUntilSomeoneChooses) {
  auto s = drt::mini();
  Answers a;
  a["pays_online"] = "often";
  Result r = new_result(*s, "vi", "2024-01-01T00:00:00Z");
  complete_result(r, *s, a, "2024-01-01T00:05:00Z");
  const std::string first = result_to_json(r);
  a["pays_online"] = "never";  // the same record, answered otherwise and exported again
  complete_result(r, *s, a, "2024-01-02T00:05:00Z");
  const std::string second = result_to_json(r);
  Importer im(cat());
  EXPECT_TRUE(im.add(first, "first.json").ok);
  const FileReport& rep = im.add(second, "second.json");
  EXPECT_TRUE(rep.duplicate);
  EXPECT_TRUE(rep.conflict);
  EXPECT_EQ(rep.same_as, 0u);  // names the rival file's report
  ASSERT_FALSE(rep.warnings.empty());
  EXPECT_NE(rep.warnings.back().find("second.json"), std::string::npos);
  EXPECT_EQ(im.conflicts(), 1u);
  ASSERT_EQ(im.conflict_list().size(), 1u);
  const Conflict& k = im.conflict_list()[0];
  EXPECT_EQ(k.reports, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(k.chosen, -1);
  EXPECT_EQ(im.undecided(), 1u);
  ASSERT_EQ(im.results().size(), 1u);
  EXPECT_TRUE(im.results()[0].held);
  Filter f;
  f.survey_id = "mini";
  EXPECT_EQ(aggregate(im.results(), *s, f).count, 0u);  // nothing decided by file order
  // Both copies go into the NDJSON export, so importing it asks again.
  EXPECT_EQ(im.ndjson(), first + "\n" + second + "\n");

  // A third file equal to the second: a plain copy of it, no new choice.
  const FileReport& again = im.add(second, "second (1).json");
  EXPECT_FALSE(again.conflict);
  EXPECT_EQ(again.same_as, 1u);
  EXPECT_EQ(im.conflicts(), 1u);

  EXPECT_EQ(im.choose(0, 1), 0u);  // the later file is the right one
  EXPECT_EQ(im.undecided(), 0u);
  EXPECT_FALSE(im.results()[0].held);
  EXPECT_EQ(result_to_json(im.results()[0]), second);
  Aggregates ag = aggregate(im.results(), *s, f);
  ASSERT_EQ(ag.count, 1u);
  EXPECT_DOUBLE_EQ(*ag.dimensions[1].mean, 0);  // "never": the chosen copy's answer counts
  im.choose(0, 0);  // changed their mind: the first one
  EXPECT_DOUBLE_EQ(*aggregate(im.results(), *s, f).dimensions[1].mean, 100);
  EXPECT_EQ(im.ndjson(), first + "\n");
}

TEST(Importer, FlagsChangedScores) {
  auto s = drt::mini();
  Result r = new_result(*s, "vi", "t");
  Answers a;
  a["pays_online"] = "often";
  complete_result(r, *s, a, "t");
  r.scores.overall = 12;  // as if another survey version had scored it
  Importer im(cat());
  const FileReport& rep = im.add(result_to_json(r), "x.json");
  EXPECT_TRUE(rep.ok);
  EXPECT_TRUE(rep.changed);
  EXPECT_EQ(im.changed(), 1u);
}

// Hand-computed: respondents (has_phone no -> dev 0):
//  1 Ấp 1: pay often 100, safe right 100, dev 0 -> overall (0 + 200 + 100)/4 = 75 -> l2
//  2 Ấp 1: pay never 0, safe wrong 0, dev 0 -> 0 -> l0
//  3 Ấp 2: pay sometimes 50, safe right 100, dev 0 -> (0 + 100 + 100)/4 = 50 -> l1
TEST(Importer, Aggregates) {
  Importer im(cat());
  im.add(make("Ấp 1", "often", "never_share"), "1.json");
  im.add(make("Ấp 1", "never", "share"), "2.json");
  im.add(make("Ấp 2", "sometimes", "never_share", "Bình Định"), "3.json");
  auto s = drt::mini();
  Filter f;
  f.survey_id = "mini";
  Aggregates ag = aggregate(im.results(), *s, f);
  EXPECT_EQ(ag.count, 3u);
  EXPECT_DOUBLE_EQ(*ag.mean_overall, 125.0 / 3);
  EXPECT_EQ(ag.by_level, (std::vector<size_t>{1, 1, 1}));
  EXPECT_DOUBLE_EQ(*ag.dimensions[1].mean, 50);
  EXPECT_EQ(ag.dimensions[1].by_level, (std::vector<size_t>{1, 1, 1}));  // 0, 50, 100
  EXPECT_EQ(ag.dimensions[0].by_level, (std::vector<size_t>{3, 0, 0}));
  EXPECT_EQ(ag.dimensions[2].scored, 3u);

  f.village = "Ấp 1";
  EXPECT_EQ(aggregate(im.results(), *s, f).count, 2u);
  f.village.clear();
  f.province = "Bình Định";
  EXPECT_EQ(aggregate(im.results(), *s, f).count, 1u);
  f.province.clear();
  f.level = "l0";
  EXPECT_EQ(aggregate(im.results(), *s, f).count, 1u);

  f = Filter{};
  auto needs = training_needs(im.results(), *s, f, 60);
  ASSERT_EQ(needs.size(), 3u);
  EXPECT_EQ(needs[0].by_group.at("Ấp 1").size(), 2u);  // dev 0 everywhere
  EXPECT_EQ(needs[0].by_group.at("Ấp 2").size(), 1u);
  EXPECT_EQ(needs[1].by_group.size(), 2u);               // pay: 0 (Ấp 1) and 50 (Ấp 2)
  EXPECT_EQ(needs[2].by_group.at("Ấp 1").size(), 1u);
  ASSERT_EQ(needs[0].people.at("Ấp 1").size(), 2u);
  EXPECT_EQ(needs[0].people.at("Ấp 1")[0].percent, 0);
  std::string tcsv = training_needs_csv(needs, *s, drt::words("en"));
  EXPECT_EQ(tcsv.rfind("\xEF\xBB\xBF" "Dimension,Village,Household code / name,Dimension score %\r\n", 0), 0u);
  // One row per person (no household code in this survey: the result id names them).
  EXPECT_NE(tcsv.find("Devices,Ấp 1," + im.results()[0].id + ",0\r\n"), std::string::npos);

  std::string acsv = aggregates_csv(aggregate(im.results(), *s, f), *s, drt::words("en"));
  EXPECT_EQ(acsv.rfind("\xEF\xBB\xBFMeasure,Respondents,Mean %,Starting,Basic,Good\r\n", 0), 0u);
  EXPECT_NE(acsv.find("Overall,3,41.67,1,1,1\r\n"), std::string::npos);
}

TEST(Csv, Quoting) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_field("Tiếng Việt"), "Tiếng Việt");
  EXPECT_EQ(csv_field(""), "");
  // Text a spreadsheet would run as a formula stays text; numbers stay numbers.
  EXPECT_EQ(csv_field("=1+2 Bản Mường"), "'=1+2 Bản Mường");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("+84 912"), "'+84 912");
  EXPECT_EQ(csv_field("-"), "'-");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_field("-3"), "-3");
  EXPECT_EQ(csv_field("+84912"), "+84912");
  EXPECT_EQ(csv_field("12.5"), "12.5");
}

TEST(Importer, PlaceNamesTidiedForGroupsAndFilters) {
  Importer im(cat());
  im.add(make("Ấp 1", "never", "share"), "1.json");
  im.add(make(" Ấp  1\n", "never", "share"), "2.json");
  auto s = drt::mini();
  auto needs = training_needs(im.results(), *s, Filter{}, 60);
  EXPECT_EQ(needs[1].by_group.size(), 1u);
  EXPECT_EQ(needs[1].by_group.at("Ấp 1").size(), 2u);
  Filter f;
  f.village = "Ấp 1";
  EXPECT_EQ(aggregate(im.results(), *s, f).count, 2u);
}

TEST(Csv, ResultsRowsWithLabelsAndSplitMultiple) {
  auto s = drt::mini();
  Answers a = drt::example_a();
  a["note"] = "a,\"b\"\nc";
  a["village"] = "Thôn Đông, xã A";
  Result r = new_result(*s, "vi", "2024-01-01T00:00:00Z");
  complete_result(r, *s, a, "2024-01-01T00:05:00Z");
  std::vector<Result> rs{r};
  std::string csv = results_csv(rs, *s, Filter{}, drt::words("en"));
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  // Header: words with the code in brackets; multiple split per option, with labels in the chosen
  // language (quoted when needed).
  EXPECT_EQ(csv.find("Result id [result_id],Status [status],Language [language],Started [started],Completed [completed],"), 3u);
  EXPECT_NE(csv.find(",What for? [phone_use]: Calls,What for? [phone_use]: Zalo,\"What for? [phone_use]: Banking, \"\"app\"\"\",What for? [phone_use]: None of these,"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\n" + r.id + ",Complete,Tiếng Việt,"), std::string::npos);
  EXPECT_NE(csv.find(",Devices %,Payments %,Safety %,Overall %,Level\r\n"), std::string::npos);
  // Row: village quoted, labels not codes, 1/0 per option, blank for unanswered multiple (wallet has momo).
  EXPECT_NE(csv.find(",\"Thôn Đông, xã A\","), std::string::npos);
  EXPECT_NE(csv.find(",Yes,0,1,1,0,4,"), std::string::npos);  // has_phone, phone_use x4, confidence
  EXPECT_NE(csv.find(",Sometimes,1,0,0,0,"), std::string::npos);
  EXPECT_NE(csv.find(",Never,\"a,\"\"b\"\"\nc\","), std::string::npos);
  EXPECT_NE(csv.find(",81.25,50,100,70.31,Good\r\n"), std::string::npos);
  // Unanswered multiple -> blank cells.
  Result e = new_result(*s, "vi", "t");
  std::vector<Result> rs2{e};
  std::string csv2 = results_csv(rs2, *s, Filter{}, drt::words("vi"));
  EXPECT_NE(csv2.find(",,,,,"), std::string::npos);
  EXPECT_NE(csv2.find("Tổng %"), std::string::npos);
}

TEST(Fold, TidyFoldAndNaturalOrder) {
  EXPECT_EQ(tidy("  Thôn \n Đông\t"), "Thôn Đông");
  EXPECT_EQ(tidy(""), "");
  EXPECT_EQ(trim(" \n Nguyễn  Thị\nHồng \t"), "Nguyễn  Thị\nHồng");  // the inside as typed
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(fold("Ấp Mới, ĐÔNG Hòa"), "ap moi, dong hoa");
  EXPECT_EQ(fold("Nguyễn Thị Hồng Nhung"), "nguyen thi hong nhung");
  EXPECT_EQ(fold("Đắk Lắk"), "dak lak");
  EXPECT_EQ(fold("Hòa"), fold("Ho\xCC\x80" "a"));  // NFC and NFD alike
  EXPECT_EQ(fold("HH-01 ✓"), "hh-01 ✓");        // other characters kept
  EXPECT_EQ(fold("\xE1\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // a broken sequence: replacement characters, not a crash
  EXPECT_LT(natural_compare("Thôn 2", "Thôn 10"), 0);
  EXPECT_LT(natural_compare("Ấp Bắc", "Thôn 1"), 0);  // Ấp sorts with A, not after T
  EXPECT_LT(natural_compare("HH-0009", "HH-0010"), 0);
  EXPECT_LT(natural_compare("hh-2", "HH-10"), 0);
  EXPECT_NE(natural_compare("Đông", "dong"), 0);  // different strings never equal
  EXPECT_EQ(natural_compare("Thôn 1", "Thôn 1"), 0);
  EXPECT_GT(natural_compare("Thôn 1a", "Thôn 1"), 0);
}

// Format version 2: a level that requires a condition. 90 % overall without an account is level
// l1, not the band of 90 % (l2), in the counts per level too.
TEST(Importer, AggregatesCountTheRecordsOwnLevel) {
  auto s = drt::mini_v2();
  Answers a;
  for (auto [id, v] : {std::pair<const char*, Value>{"has_phone", "yes"}, {"confidence", 4}, {"has_account", "no"},
                       {"pays_online", "often"}, {"otp", "never_share"}, {"sec_lock", "pin"}})
    a[id] = v;
  a["phone_use"] = std::vector<std::string>{"call", "zalo", "bank"};
  Result r = new_result(*s, "vi", "2024-01-01T00:00:00Z");
  complete_result(r, *s, a, "2024-01-01T00:05:00Z");
  ASSERT_EQ(r.scores.overall, 90);
  ASSERT_EQ(r.scores.level, "l1");
  Filter f;
  f.survey_id = s->id;
  Aggregates ag = aggregate({r}, *s, f);
  EXPECT_EQ(ag.by_level, (std::vector<size_t>{0, 1, 0}));
}

// A result without a checksum is kept and counted apart, and left out of totals unless included.
TEST(Importer, UnsealedCountedApartAndLeftOutOfAggregates) {
  Importer im(cat());
  std::string sealed = make("Ấp 1", "often", "never_share");
  std::string edited = make("Ấp 2", "never", "share");
  const auto at = edited.find("\"checksum\":\"");
  edited.erase(at, edited.find('"', at + 12) + 2 - at);
  EXPECT_FALSE(im.add(sealed, "a.json").unsealed);
  const FileReport& rep = im.add(edited, "b.json");
  EXPECT_TRUE(rep.ok);
  EXPECT_TRUE(rep.unsealed);
  EXPECT_EQ(im.results().size(), 2u);
  EXPECT_EQ(im.unsealed(), 1u);
  EXPECT_EQ(im.consistent(), 1u);
  EXPECT_EQ(im.failed(), 0u);

  const Survey& s = *drt::mini();
  Filter f;
  f.survey_id = s.id;
  Aggregates ag = aggregate(im.results(), s, f);
  EXPECT_EQ(ag.count, 1u);
  EXPECT_EQ(ag.unsealed_left_out, 1u);
  EXPECT_EQ(results_csv(im.results(), s, f, drt::words("en")).find("Ấp 2"), std::string::npos);
  for (auto& need : training_needs(im.results(), s, f, 101))
    for (auto& [group, ids] : need.by_group) EXPECT_NE(group, "Ấp 2");

  f.include_unsealed = true;  // the organiser chose to count them
  ag = aggregate(im.results(), s, f);
  EXPECT_EQ(ag.count, 2u);
  EXPECT_EQ(ag.unsealed_left_out, 0u);
  EXPECT_NE(results_csv(im.results(), s, f, drt::words("en")).find("Ấp 2"), std::string::npos);

  // The NDJSON export does not seal it: imported again, it is still not sealed.
  Importer again(cat());
  EXPECT_EQ(again.add_ndjson(im.ndjson(), "batch.ndjson"), 2u);
  EXPECT_EQ(again.unsealed(), 1u);
  EXPECT_EQ(again.consistent(), 1u);
}

TEST(Importer, OversizedRefusedBeforeParsing) {
  Importer im(cat());
  // Not JSON at all: only the size is looked at.
  const FileReport& rep = im.add(std::string(kMaxResultBytes + 1, '{'), "big.json");
  EXPECT_FALSE(rep.ok);
  EXPECT_TRUE(rep.too_big);
  EXPECT_EQ(rep.problem, ReadProblem::Damaged);
  ASSERT_EQ(rep.errors.size(), 1u);
  EXPECT_EQ(rep.errors[0], "big.json: 262145 bytes, over the limit of 262144 bytes for one result; not read");
  EXPECT_TRUE(im.add_too_big("huge.json", 5'000'000'000ull).too_big);  // size known, bytes never read
  EXPECT_EQ(im.failed(), 2u);
  EXPECT_TRUE(im.results().empty());
}

TEST(Importer, NdjsonBatchOneRecordPerLine) {
  Importer im(cat());
  const std::string a = make("Ấp 1", "often", "never_share"), b = make("Ấp 2", "never", "share");
  // BOM, CRLF, a blank line, a damaged line and no final line ending.
  const std::string batch = "\xEF\xBB\xBF" + a + "\r\n\r\n" + "{broken\n" + b;
  EXPECT_EQ(im.add_ndjson(batch, "batch.ndjson"), 3u);
  ASSERT_EQ(im.reports().size(), 3u);
  EXPECT_EQ(im.reports()[0].file, "batch.ndjson #1");
  EXPECT_EQ(im.reports()[1].file, "batch.ndjson #3");
  EXPECT_FALSE(im.reports()[1].ok);
  EXPECT_EQ(im.reports()[2].file, "batch.ndjson #4");
  EXPECT_EQ(im.results().size(), 2u);
  EXPECT_EQ(im.consistent(), 2u);
}

// Formula-looking cells stay text, including what strtod calls a number ("+0x1p3", "-inf").
TEST(Csv, FormulaGuardOnlyLetsPlainNumbersThrough) {
  for (const char* bad : {"+0x1p3", "-inf", "-INF", "+nan", "-infinity", "-0x10", "+1e", "-.5", "-1.", "+ 1",
                          "-1-1", "=1", "@x", "\t1", "\r1", "\t", "-", "+", "-1,5"})
    EXPECT_EQ(csv_field(bad).find("'"), csv_field(bad).front() == '"' ? 1u : 0u) << bad;
  for (const char* ok : {"-3", "+84912", "-12.5", "-1.5e-7", "+2E10", "0", "12"}) EXPECT_EQ(csv_field(ok), ok);
  EXPECT_EQ(csv_field("\r1"), "\"'\r1\"");  // guarded and, holding a CR, quoted
  EXPECT_TRUE(is_plain_number("-0.25"));
  EXPECT_FALSE(is_plain_number(""));
  EXPECT_FALSE(is_plain_number("1e+"));
}

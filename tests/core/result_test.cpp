#include "core/result.hpp"

#include "core/json.hpp"
#include "core/sha256.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {
SurveyCatalog catalog() {
  SurveyCatalog c;
  c.add(drt::mini());
  return c;
}
Result sample() {
  auto s = drt::mini();
  Result r = new_result(*s, "vi", "2024-05-01T08:00:00Z");
  complete_result(r, *s, drt::example_a(), "2024-05-01T08:10:00Z");
  return r;
}
bool has(const std::vector<std::string>& v, const std::string& needle) {
  for (auto& e : v)
    if (e.find(needle) != std::string::npos) return true;
  return false;
}
std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}
}  // namespace

TEST(Result, NewResult) {
  auto s = drt::mini();
  Result r = new_result(*s, "en", "2024-05-01T08:00:00Z");
  EXPECT_EQ(r.id.size(), 32u);
  EXPECT_NE(r.id, new_result(*s, "en", "x").id);
  EXPECT_EQ(r.survey_sha256, s->sha256);
  EXPECT_EQ(r.status, Status::Draft);
  EXPECT_EQ(r.app_version, DIGIREADY_VERSION);
  EXPECT_EQ(now_iso8601().size(), 20u);
}

TEST(Result, WriteReadRoundTrip) {
  Result r = sample();
  EXPECT_EQ(r.profile.size(), 2u);  // province, village
  EXPECT_EQ(r.answers.size(), 6u);
  EXPECT_EQ(r.scores.overall, 70.31);  // rounded to 2 decimals in the record
  EXPECT_EQ(r.scores.level, "l2");
  std::string j = result_to_json(r);
  auto c = catalog();
  ReadResult rr = read_result(j, "r.json", c);
  ASSERT_TRUE(rr.ok) << (rr.errors.empty() ? "" : rr.errors[0]);
  EXPECT_TRUE(rr.checksum_ok);
  EXPECT_TRUE(rr.score_differences.empty());
  EXPECT_TRUE(rr.warnings.empty()) << rr.warnings[0];
  EXPECT_FALSE(rr.migrated);
  EXPECT_EQ(rr.result.id, r.id);
  EXPECT_EQ(rr.result.answers, r.answers);
  EXPECT_EQ(rr.result.profile, r.profile);
  EXPECT_EQ(rr.result.status, Status::Complete);
  EXPECT_EQ(rr.result.completed, "2024-05-01T08:10:00Z");
  EXPECT_EQ(result_to_json(rr.result), j);  // stable
  // The record is its own canonical form (keys sorted, compact) + checksum.
  rapidjson::Document d;
  d.Parse(j.c_str());
  EXPECT_EQ(json::canonical(d), j);
  EXPECT_EQ(sha256_hex(json::canonical(d, "checksum")), std::string(d["checksum"].GetString()));
}

TEST(Result, HiddenAnswersDroppedOnUpdate) {
  auto s = drt::mini();
  Answers a = drt::example_a();
  a["has_phone"] = "no";
  Result r = new_result(*s, "vi", "t");
  update_result(r, *s, a, "t2");
  EXPECT_EQ(r.answers.count("phone_use"), 0u);
  EXPECT_EQ(r.updated, "t2");
}

TEST(Result, TamperedAnswerFailsChecksum) {
  std::string j = replace(result_to_json(sample()), "\"otp\":\"never_share\"", "\"otp\":\"share\"");
  auto c = catalog();
  ReadResult rr = read_result(j, "r.json", c);
  EXPECT_FALSE(rr.ok);
  EXPECT_FALSE(rr.checksum_ok);
  EXPECT_TRUE(has(rr.errors, "r.json: checksum: does not match"));
}

TEST(Result, StoredScoresNeverTrusted) {
  // Edit the score and re-stamp the checksum: the file is "valid" but the scores lie.
  Result r = sample();
  r.scores.overall = 99;
  r.scores.dimensions[1].second = 10;
  auto c = catalog();
  ReadResult rr = read_result(result_to_json(r), "r.json", c);
  ASSERT_TRUE(rr.ok);
  EXPECT_TRUE(rr.checksum_ok);
  ASSERT_EQ(rr.score_differences.size(), 2u);
  EXPECT_EQ(rr.score_differences[0], "dimension pay: stored 10, recomputed 50");
  EXPECT_EQ(rr.score_differences[1], "overall: stored 99, recomputed 70.31");
  EXPECT_EQ(*rr.result.scores.overall, 70.31);  // the recomputed value is what is kept
}

TEST(Result, MigratesFormatVersion1) {
  Result r = sample();
  std::string v1 = result_to_json_v1(r);
  EXPECT_NE(v1.find("\"survey_id\":\"mini\""), std::string::npos);
  EXPECT_NE(v1.find("\"answers\":[{"), std::string::npos);
  auto c = catalog();
  ReadResult rr = read_result(v1, "old.json", c);
  ASSERT_TRUE(rr.ok) << (rr.errors.empty() ? "" : rr.errors[0]);
  EXPECT_TRUE(rr.migrated);
  EXPECT_TRUE(rr.checksum_ok);
  EXPECT_TRUE(rr.score_differences.empty());
  EXPECT_EQ(rr.result.profile, r.profile);  // profile split back out of the flat list
  EXPECT_EQ(rr.result.answers, r.answers);
  EXPECT_EQ(result_to_json(rr.result), result_to_json(r));
}

TEST(Result, ReadsHandWrittenVersion1) {
  // A v1 file as an older app wrote it (no checksum: a warning, not an error).
  std::string v1 = R"({"format":"digiready-result","format_version":1,"id":"0123456789abcdef0123456789abcdef",
    "survey_id":"mini","survey_version":"1.0.0","language":"en","started":"2023-01-01T00:00:00Z",
    "updated":"2023-01-01T00:00:00Z","completed":null,"status":"draft",
    "answers":[{"id":"village","value":"A"},{"id":"pays_online","value":"often"}],
    "scores":{"dimensions":[{"id":"pay","percent":100}],"overall":100,"level":"l2"}})";
  auto c = catalog();
  ReadResult rr = read_result(v1, "v1.json", c);
  ASSERT_TRUE(rr.ok) << (rr.errors.empty() ? "" : rr.errors[0]);
  EXPECT_TRUE(rr.migrated);
  EXPECT_FALSE(rr.checksum_ok);
  EXPECT_TRUE(has(rr.warnings, "v1.json: checksum: missing: not sealed"));
  EXPECT_TRUE(rr.result.unsealed);  // read, but nothing shows it is unchanged
  EXPECT_TRUE(rr.score_differences.empty());
  EXPECT_EQ(rr.result.profile.at("village"), Value("A"));
}

TEST(Result, SurveyResolution) {
  auto c = catalog();
  Result r = sample();
  r.survey_version = "0.9";  // same content, other label: fine
  ReadResult rr = read_result(result_to_json(r), "r.json", c);
  EXPECT_TRUE(rr.ok);
  EXPECT_TRUE(has(rr.warnings, "same sha256"));
  r.survey_sha256 = std::string(64, '0');
  rr = read_result(result_to_json(r), "r.json", c);
  EXPECT_FALSE(rr.ok);
  EXPECT_TRUE(has(rr.errors, "r.json: survey: another survey version"));
  r.survey_id = "other";
  rr = read_result(result_to_json(r), "r.json", c);
  EXPECT_TRUE(has(rr.errors, "unknown survey 'other'"));
}

TEST(Result, BadRecords) {
  auto c = catalog();
  std::string good = result_to_json(sample());
  auto first_error = [&](const std::string& j) {
    ReadResult rr = read_result(j, "bad.json", c);
    EXPECT_FALSE(rr.ok);
    return rr.errors.empty() ? std::string() : rr.errors[0];
  };
  EXPECT_EQ(first_error(""), "bad.json: empty file (line 1, column 1)");
  EXPECT_EQ(first_error(good.substr(0, good.size() / 2)).rfind("bad.json: invalid JSON", 0), 0u);
  EXPECT_EQ(first_error(std::string(kMaxResultBytes + 1, ' ')), "bad.json: file is 262145 bytes, over the limit of 262144");
  EXPECT_EQ(first_error(replace(good, "\"format_version\":2", "\"format_version\":3")),
            "bad.json: format_version: 3 is not readable by this app (reads 1 to 2)");
  EXPECT_EQ(first_error(replace(good, "\"language\":\"vi\"", "\"language\":5")), "bad.json: language: must be a string, not number");
  EXPECT_EQ(first_error(replace(good, "\"status\":\"complete\"", "\"status\":\"done\"")),
            "bad.json: status: must be 'draft' or 'complete', not 'done'");
  EXPECT_EQ(first_error(replace(good, "\"otp\":\"never_share\"", "\"otp\":{}")), "bad.json: answers.otp: an answer cannot be object");
  EXPECT_EQ(first_error("{\"format\":\"digiready-result\"}"), "bad.json: format_version: missing");
  // Answers that do not fit the survey (checksum re-stamped so only that is wrong).
  Result r = sample();
  r.answers["q99"] = 1;
  EXPECT_EQ(first_error(result_to_json(r)), "bad.json: answers.q99: unknown question in survey mini 1.0.0");
  r = sample();
  r.answers["otp"] = "maybe";
  EXPECT_EQ(first_error(result_to_json(r)), "bad.json: answers.otp: not a valid single answer");
}

// A complete result whose answers break the survey's checks (re-stamped: only that is wrong) is read
// with a warning per answer, said in words for the person fixing files, not as a locale key.
TEST(Result, AnswerProblemsAreReportedInWords) {
  auto c = catalog();
  auto warnings_of = [&](Result r) { return read_result(result_to_json(r), "r.json", c).warnings; };
  Result r = sample();
  r.answers.erase("pays_online");
  std::vector<std::string> w = warnings_of(r);
  EXPECT_TRUE(has(w, "r.json: answers.pays_online: required but not answered")) << (w.empty() ? "" : w[0]);
  r = sample();
  r.answers["hours"] = 30;
  w = warnings_of(r);
  EXPECT_TRUE(has(w, "r.json: answers.hours: outside the allowed range 0 to 24")) << (w.empty() ? "" : w[0]);
  r = sample();
  r.answers["note"] = std::string("far longer than ten letters");
  w = warnings_of(r);
  EXPECT_TRUE(has(w, "r.json: answers.note: breaks the survey's rule")) << (w.empty() ? "" : w[0]);
  for (const std::string& line : w) EXPECT_EQ(line.find("answer."), std::string::npos) << line;
}

TEST(Result, UnknownFieldsWarn) {
  std::string j = replace(result_to_json(sample()), "{\"answers\"", "{\"zz_extra\":1,\"answers\"");
  auto c = catalog();
  ReadResult rr = read_result(j, "r.json", c);
  EXPECT_FALSE(rr.ok);  // the checksum covers the extra field too
  EXPECT_TRUE(has(rr.warnings, "r.json: zz_extra: unknown field ignored"));
}

// A number with hundreds of digits crashed rapidjson's full-precision parser (found by fuzz_result).
TEST(ResultRead, RefusesAbsurdlyLongNumbers) {
  dr::SurveyCatalog catalog;
  std::string json = "{\"format\":\"digiready-result\",\"format_version\":2,\"x\":0." + std::string(480, '0') + "1}";
  dr::ReadResult r = dr::read_result(json, "long.json", catalog);
  EXPECT_FALSE(r.ok);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors.front().find("number longer than"), std::string::npos) << r.errors.front();
}

// Each way a file can fail has a kind the UI says in the reader's language, with what to do.
TEST(Result, ProblemKinds) {
  auto c = catalog();
  std::string good = result_to_json(sample());
  auto kind = [&](const std::string& j) { return read_result(j, "f.json", c).problem; };
  EXPECT_EQ(read_result(good, "f.json", c).problem, ReadProblem::None);
  EXPECT_EQ(kind(""), ReadProblem::Damaged);
  EXPECT_EQ(kind(good.substr(0, good.size() / 2)), ReadProblem::Damaged);
  EXPECT_EQ(kind(std::string(kMaxResultBytes + 1, ' ')), ReadProblem::Damaged);
  EXPECT_EQ(kind("[1,2]"), ReadProblem::NotAResult);
  EXPECT_EQ(kind("{\"name\":\"a shopping list\"}"), ReadProblem::NotAResult);
  EXPECT_EQ(kind(replace(good, "\"format\":\"digiready-result\"", "\"format\":\"digiready-survey\"")), ReadProblem::NotAResult);
  EXPECT_EQ(kind(replace(good, "\"format_version\":2", "\"format_version\":3")), ReadProblem::NewerApp);
  EXPECT_EQ(kind(replace(good, "\"format_version\":2", "\"format_version\":0")), ReadProblem::NotAResult);
  // An edit that also breaks the content is reported as the edit.
  EXPECT_EQ(kind(replace(good, "\"otp\":\"never_share\"", "\"otp\":\"share\"")), ReadProblem::Changed);
  EXPECT_EQ(kind(replace(good, "\"otp\":\"never_share\"", "\"otp\":{}")), ReadProblem::Changed);
  Result r = sample();
  r.survey_id = "other";
  EXPECT_EQ(kind(result_to_json(r)), ReadProblem::UnknownSurvey);
  r = sample();
  r.answers["otp"] = "maybe";  // re-stamped: only the content is wrong
  EXPECT_EQ(kind(result_to_json(r)), ReadProblem::Invalid);
  EXPECT_STREQ(to_key(ReadProblem::NewerApp), "newer_app");
  EXPECT_STREQ(to_key(ReadProblem::None), "");
}

TEST(Result, DifferencesAsData) {
  Result r = sample();
  r.scores.overall = 99;
  r.scores.dimensions[1].second = 10;
  r.scores.level = "l1";
  r.scores.dimensions.push_back({"gone", 40.0});
  auto c = catalog();
  ReadResult rr = read_result(result_to_json(r), "r.json", c);
  ASSERT_TRUE(rr.ok);
  ASSERT_EQ(rr.differences.size(), rr.score_differences.size());
  ASSERT_EQ(rr.differences.size(), 4u);
  using Kind = ScoreDifference::Kind;
  EXPECT_EQ(rr.differences[0].kind, Kind::Dimension);
  EXPECT_EQ(rr.differences[0].dimension, "pay");
  EXPECT_EQ(rr.differences[0].stored, 10.0);
  EXPECT_EQ(rr.differences[0].recomputed, 50.0);
  EXPECT_EQ(rr.differences[1].dimension, "gone");
  EXPECT_FALSE(rr.differences[1].in_survey);
  EXPECT_EQ(rr.differences[2].kind, Kind::Overall);
  EXPECT_EQ(rr.differences[2].stored, 99.0);
  EXPECT_EQ(rr.differences[2].recomputed, 70.31);
  EXPECT_EQ(rr.differences[3].kind, Kind::Level);
  EXPECT_EQ(rr.differences[3].stored_level, "l1");
  EXPECT_EQ(rr.differences[3].recomputed_level, "l2");
}

// An edited result whose checksum and scores were deleted (the issue's attack) reads, but is never
// consistent, and writing it again does not seal it.
TEST(Result, NoChecksumIsUnsealedNotConsistent) {
  auto c = catalog();
  std::string j = result_to_json(sample());
  j = replace(j, "\"otp\":\"never_share\"", "\"otp\":\"share\"");  // the edit
  const auto at = j.find("\"checksum\":\"");
  j.erase(at, j.find('"', at + 12) + 2 - at);
  const auto sc = j.find("\"scores\":");
  j.erase(sc, j.find("},\"started\"", sc) + 2 - sc);
  ReadResult rr = read_result(j, "edited.json", c);
  ASSERT_TRUE(rr.ok) << (rr.errors.empty() ? "" : rr.errors[0]);
  EXPECT_FALSE(rr.checksum_ok);
  EXPECT_TRUE(rr.result.unsealed);
  EXPECT_TRUE(has(rr.warnings, "edited.json: checksum: missing: not sealed"));
  const std::string again = result_to_json(rr.result);
  EXPECT_EQ(again.find("checksum"), std::string::npos);
  ReadResult rr2 = read_result(again, "again.json", c);
  ASSERT_TRUE(rr2.ok);
  EXPECT_TRUE(rr2.result.unsealed);
  // A sealed record stays sealed through a write.
  ReadResult good = read_result(result_to_json(sample()), "good.json", c);
  EXPECT_TRUE(good.checksum_ok);
  EXPECT_FALSE(good.result.unsealed);
}

// Notepad's "Save" adds a byte-order mark: the record is the same, checksum and all.
TEST(Result, ByteOrderMarkAccepted) {
  auto c = catalog();
  const std::string plain = result_to_json(sample());
  ReadResult rr = read_result("\xEF\xBB\xBF" + plain, "bom.json", c);
  ASSERT_TRUE(rr.ok) << (rr.errors.empty() ? "" : rr.errors[0]);
  EXPECT_TRUE(rr.checksum_ok);
  EXPECT_FALSE(rr.result.unsealed);
  EXPECT_EQ(result_to_json(rr.result), plain);  // written back without the mark
}

// The 79-byte crash file of issue #11 (ASan: StrtodDiyFp out of bounds): now a plain refusal.
TEST(Result, FuzzCrashNumberIsNotAResult) {
  auto c = catalog();
  ReadResult rr = read_result(
      R"({"format":"digiready-result","format_version":2,"x":0.3333333373333333332E-333})", "crash.json", c);
  EXPECT_FALSE(rr.ok);
  EXPECT_EQ(rr.problem, ReadProblem::Invalid);  // missing fields: read, not crashed
}

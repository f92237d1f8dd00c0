#include "core/survey.hpp"

#include <dirent.h>

#include "test_util.hpp"

using namespace dr;

namespace {
// Loads mini.json with one textual replacement applied.
LoadResult load_patched(const std::string& from, const std::string& to) {
  std::string j = drt::mini_json();
  auto pos = j.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) j.replace(pos, from.size(), to);
  return load_survey(j, "mini.json");
}
bool has_error(const LoadResult& r, const std::string& needle) {
  for (auto& e : r.errors)
    if (e.find(needle) != std::string::npos) return true;
  ADD_FAILURE() << "no error containing: " << needle << (r.errors.empty() ? " (no errors)" : "; first: " + r.errors[0]);
  return false;
}
}  // namespace

TEST(Survey, LoadsMini) {
  auto r = load_survey(drt::mini_json(), "mini.json");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.warnings.empty());
  const Survey& s = *r.survey;
  EXPECT_EQ(s.id, "mini");
  EXPECT_EQ(s.languages, (std::vector<std::string>{"vi", "en"}));
  EXPECT_EQ(s.profile.size(), 4u);
  EXPECT_EQ(s.sections.size(), 3u);
  EXPECT_EQ(s.questions.size(), 4u + 4 + 2 + 5);
  EXPECT_EQ(s.questions[0].id, "province");
  EXPECT_EQ(s.questions[4].id, "has_phone");
  EXPECT_EQ(s.questions[4].section, 0);
  EXPECT_TRUE(s.questions[0].profile());
  EXPECT_EQ(s.find("has_phone")->options.size(), 2u);  // yesno defaults
  // Without words from the locale files a yes/no option is labelled by its value; with them, in
  // every language the app has.
  EXPECT_EQ(s.find("has_phone")->options[0].label.get("vi"), "yes");
  auto worded = load_survey(drt::mini_json(), "mini.json", drt::labels());
  EXPECT_EQ(worded.survey->find("has_phone")->options[0].label.get("vi"), "Có");
  EXPECT_EQ(worded.survey->find("has_phone")->options[1].label.get("en"), "No");
  EXPECT_DOUBLE_EQ(s.find("phone_use")->full_score, 4);
  EXPECT_EQ(s.find("nope"), nullptr);
  EXPECT_EQ(s.sha256.size(), 64u);
  EXPECT_TRUE(lint_survey(s).empty()) << lint_survey(s)[0];
}

TEST(Survey, ShaIsOfCanonicalForm) {
  // Whitespace and key order do not change the fingerprint.
  auto a = load_survey(drt::mini_json(), "a.json");
  std::string j = drt::mini_json();
  j.replace(j.find("\"format\": \"digiready-survey\",\n  \"format_version\": 1,"), 52,
            "\"format_version\":1,   \"format\":\"digiready-survey\",");
  auto b = load_survey(j, "b.json");
  ASSERT_TRUE(a.ok() && b.ok()) << (b.errors.empty() ? "" : b.errors[0]);
  EXPECT_EQ(a.survey->sha256, b.survey->sha256);
  auto c = load_patched("\"minutes\": 3", "\"minutes\": 4");
  EXPECT_NE(a.survey->sha256, c.survey->sha256);
}

TEST(Survey, ExpressionErrorsNameSurveyQuestionColumn) {
  auto r = load_patched("\"${has_phone} = 'yes'\"", "\"${has_phone} = 'yes' or ${q99}\"");
  EXPECT_FALSE(r.ok());
  has_error(r, "mini.json (survey mini): question confidence visible_if: column 25: unknown question 'q99'");
}

TEST(Survey, CyclesRejected) {
  auto r = load_patched("\"visible_if\": \"selected(${has_phone}, 'yes')\"",
                        "\"visible_if\": \"${confidence} > 2\"");
  ASSERT_TRUE(r.ok());  // phone_use reads confidence, confidence reads has_phone: no cycle
  r = load_patched("\"${has_phone} = 'yes'\"", "\"count_selected(${phone_use}) > 0\"");
  ASSERT_TRUE(r.ok());
  // phone_use <- confidence <- phone_use
  std::string j = drt::mini_json();
  j.replace(j.find("\"selected(${has_phone}, 'yes')\""), 31, "\"${confidence} > 2\"");
  j.replace(j.find("\"${has_phone} = 'yes'\""), 22, "\"count_selected(${phone_use}) > 0\"");
  auto c = load_survey(j, "mini.json");
  EXPECT_FALSE(c.ok());
  has_error(c, "cycle");
  // computed reading itself
  auto d = load_patched("\"${age} >= 18\"", "\"${adult} or ${age} >= 18\"");
  EXPECT_FALSE(d.ok());
  has_error(d, "computed adult expr: cycle");
}

TEST(Survey, StructuralErrors) {
  has_error(load_patched("\"id\": \"hours\"", "\"id\": \"has_phone\""), "question has_phone: duplicate question id");
  has_error(load_patched("\"dimension\": \"safe\"", "\"dimension\": \"nope\""), "question otp: unknown dimension 'nope'");
  has_error(load_patched("{\"id\": \"l0\", \"min\": 0", "{\"id\": \"l0\", \"min\": 5"), "level l0: the first level must have min 0");
  has_error(load_patched("\"type\": \"date\"", "\"type\": \"calendar\""), "unknown type 'calendar'");
  has_error(load_patched("\"type\": \"date\"", "\"type\": 7"), "field 'type' must be a string, not number");
  has_error(load_patched("\"format_version\": 1", "\"format_version\": 9"), "format_version 9 is not supported");
  has_error(load_patched("\"version\": \"1.0.0\",", ""), "top level: missing required field 'version'");
  has_error(load_patched("\"correct\": [\"never_share\"]", "\"correct\": [\"always\"]"), "'correct' names unknown option 'always'");
  has_error(load_patched("{\"value\": \"2\", \"label\"", "{\"value\": \"two\", \"label\""), "rating option's value must be a number");
  has_error(load_patched("{\"value\": \"zalopay\"", "{\"value\": \"momo\""), "duplicate option value 'momo'");
  has_error(load_patched("\"visible_if\": \"${adult}\"", "\"visible_if\": \". = 1\""), "only allowed in a constraint");
}

TEST(Survey, UnknownFieldsWarn) {
  auto r = load_patched("\"minutes\": 3", "\"minutes\": 3, \"colour\": \"red\"");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "mini.json (survey mini): top level: unknown field 'colour' ignored");
}

TEST(Survey, BadFiles) {
  auto err = [](const std::string& text) {
    auto r = load_survey(text, "bad.json");
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.errors.empty());
    return r.errors.empty() ? std::string() : r.errors[0];
  };
  EXPECT_EQ(err(""), "bad.json: empty file (line 1, column 1)");
  EXPECT_EQ(err(drt::mini_json().substr(0, 500)).rfind("bad.json: invalid JSON", 0), 0u);  // truncated
  EXPECT_EQ(err(std::string(40, '[') + std::string(40, ']')), "bad.json: nested deeper than 32 levels (line 1, column 33)");
  EXPECT_EQ(err("{\"id\": \"\xC3\x28\"}").rfind("bad.json: invalid JSON: Invalid encoding", 0), 0u);
  EXPECT_EQ(err(std::string(kMaxSurveyBytes + 1, ' ')), "bad.json: file is 1048577 bytes, over the limit of 1048576");
  EXPECT_EQ(err("[1,2]"), "bad.json: top level: must be an object, not array");
  EXPECT_EQ(err("{\"a\":1,\"a\":2}"), "bad.json: duplicate key 'a'");
  EXPECT_NE(err("{}").find("missing required field 'format'"), std::string::npos);
}

TEST(Survey, LintFindsAuthoringProblems) {
  auto r = load_patched("\"title\": {\"vi\": \"Ghi chú\", \"en\": \"Note\"}", "\"title\": {\"vi\": \"Ghi chú\"}, \"visible_if\": \"1 = 2\"");
  ASSERT_TRUE(r.ok());
  auto issues = lint_survey(*r.survey);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0], "mini.json: question note title: missing 'en' translation");
  EXPECT_EQ(issues[1], "mini.json: question note: can never be shown (visible_if is always false)");
}

// The bundled surveys (written separately) must all load, lint cleanly and score a full answer set.
TEST(Survey, BundledSurveysLoadAndScore) {
  DIR* d = opendir(DR_SURVEY_DIR);
  if (!d) GTEST_SKIP() << "no " DR_SURVEY_DIR;
  int n = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    ++n;
    auto r = load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + name), name);
    for (auto& err : r.errors) ADD_FAILURE() << err;
    for (auto& w : r.warnings) ADD_FAILURE() << w;
    if (!r.ok()) continue;
    for (auto& issue : lint_survey(*r.survey)) ADD_FAILURE() << issue;
    // A full sample: first option everywhere, last option of ratings, mid numbers, some text.
    Answers a;
    for (auto& q : r.survey->questions) {
      switch (q.type) {
        case QuestionType::Single: case QuestionType::YesNo: a[q.id] = q.options[0].value; break;
        case QuestionType::Multiple: a[q.id] = std::vector<std::string>{q.options[0].value}; break;
        case QuestionType::Rating: a[q.id] = q.options.back().number; break;
        case QuestionType::Integer: case QuestionType::Decimal: a[q.id] = q.min ? *q.min : 1.0; break;
        case QuestionType::Date: a[q.id] = "2024-01-15"; break;
        case QuestionType::Text: case QuestionType::LongText: a[q.id] = "x"; break;
        case QuestionType::Info: break;
      }
    }
    Scores sc = score(*r.survey, a);
    EXPECT_TRUE(sc.overall) << name;
    if (sc.overall) EXPECT_GE(sc.level, 0) << name;
  }
  closedir(d);
  if (n == 0) GTEST_SKIP() << "no bundled surveys yet";
}

// ---- format_version 2 ----
namespace {
LoadResult load_v2(const std::string& from, const std::string& to) {
  return load_survey(drt::patched(drt::mini_v2_json(), from, to), "mini-v2.json");
}
// Warning lines of `validate` containing `needle`.
int warnings_with(const LoadResult& r, const std::string& needle) {
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0]);
  if (!r.ok()) return -1;
  int n = 0;
  for (auto& w : survey_warnings(*r.survey)) n += w.find(needle) != std::string::npos;
  return n;
}
}  // namespace

TEST(SurveyV2, LoadsMiniV2) {
  auto s = drt::mini_v2();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->format_version, 2);
  EXPECT_EQ(drt::mini()->format_version, 1);
  EXPECT_TRUE(s->find("adults")->indicator);
  EXPECT_TRUE(s->find("trained")->indicator);
  EXPECT_FALSE(s->find("trained")->scored());
  EXPECT_EQ(s->levels[2].requires_src, "${has_phone} and ${has_account}");
  ASSERT_TRUE(s->levels[2].requires_expr);
  ASSERT_EQ(s->indicators.size(), 3u);
  EXPECT_EQ(s->indicators[0].unit, "adult");
  EXPECT_EQ(*s->indicators[0].target, 80);
  EXPECT_FALSE(s->indicators[1].target);  // "target": null
  EXPECT_EQ(s->indicators[0].target_label.get("vi"), "80 % (quốc gia 2025)");
  ASSERT_EQ(s->claims.size(), 2u);
  EXPECT_EQ(s->claims[0].phrase, "có tài khoản");
  EXPECT_TRUE(lint_survey(*s).empty());
  EXPECT_TRUE(survey_warnings(*s).empty());
}

TEST(SurveyV2, Errors) {
  has_error(load_v2("\"id\": \"trained\", \"type\": \"yesno\",", "\"id\": \"trained\", \"type\": \"yesno\", \"dimension\": \"dev\","),
            "question trained: an indicator question is never scored");
  has_error(load_v2("{\"id\": \"l0\", \"min\": 0,", "{\"id\": \"l0\", \"min\": 0, \"requires\": \"${has_phone}\","),
            "level l0: the first level cannot have 'requires'");
  has_error(load_v2("\"unit\": \"adult\"", "\"unit\": \"family\""), "indicator adult_smartphone: unit 'family' is not one of");
  has_error(load_v2("\"denominator\": \"${adults}\"", "\"denominator\": \"${nobody}\""),
            "indicator adult_smartphone denominator: column 1: unknown question 'nobody'");
  has_error(load_v2("\"when\": \"${has_account} and not ${bank_app}\"", "\"when\": \"${has_account} and\""),
            "dimension pay advice (min 50) when");
  has_error(load_v2("\"requires\": \"${has_phone} and ${has_account}\"", "\"requires\": \"selected(${has_phone}, 'maybe')\""),
            "level l2 requires");
  has_error(load_v2("\"format_version\": 2", "\"format_version\": 3"), "this app reads 1 and 2");
  has_error(load_v2("{\"id\": \"trained\", \"title\"", "{\"id\": \"trained ok\", \"title\""),
            "indicator trained ok: id may only use letters, digits, _ and -");
  EXPECT_TRUE(load_v2("{\"id\": \"trained\", \"title\"", "{\"id\": \"Trained-2025\", \"title\"").ok());
}

// Version 2 fields in a version 1 file are unknown, as they always were: warned and ignored.
TEST(SurveyV2, FieldsIgnoredInVersion1) {
  auto r = load_v2("\"format_version\": 2", "\"format_version\": 1");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.survey->indicators.empty());
  EXPECT_TRUE(r.survey->levels[2].requires_src.empty());
  int unknown = 0;
  for (auto& w : r.warnings) unknown += w.find("unknown field") != std::string::npos;
  EXPECT_EQ(unknown, 7);  // indicators, claims, requires, when, and indicator on 3 questions
}

TEST(SurveyV2, StrengthBelowTopAdviceBandIsAnError) {
  auto r = load_v2("\"strength_min\": 80", "\"strength_min\": 75");
  ASSERT_TRUE(r.ok());
  auto issues = lint_survey(*r.survey);
  ASSERT_EQ(issues.size(), 3u);  // every dimension has a band at 80
  EXPECT_EQ(issues[0], "mini-v2.json: strength_min 75 is below dimension dev's top advice band (min 80): a strength would also get remedial advice");
}

TEST(SurveyV2, AdviceNeedsAnUnconditionalStart) {
  auto r = load_v2("{\"min\": 0, \"text\": {\"vi\": \"Không bao giờ đọc mã OTP",
                   "{\"min\": 0, \"when\": \"${has_phone}\", \"text\": {\"vi\": \"Không bao giờ đọc mã OTP");
  ASSERT_TRUE(r.ok());
  auto issues = lint_survey(*r.survey);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0], "mini-v2.json: dimension safe: no advice at min 0 without 'when' (some results would get none)");
}

TEST(SurveyV2, Warnings) {
  // Knowledge share: otp (knowledge, 1) against sec_lock (2) is 33 %; sec_lock at weight 1 makes it 50 %.
  EXPECT_EQ(warnings_with(load_v2("{\"id\": \"sec_lock\", \"type\": \"single\", \"dimension\": \"safe\", \"weight\": 2",
                                  "{\"id\": \"sec_lock\", \"type\": \"single\", \"dimension\": \"safe\", \"weight\": 1"),
                          "dimension safe: knowledge share: knowledge items carry 50 %"),
            1);
  // A gated scored question without zero_when_hidden.
  EXPECT_EQ(warnings_with(load_v2("\"visible_if\": \"${has_account}\", \"zero_when_hidden\": true",
                                  "\"visible_if\": \"${has_account}\""),
                          "question bank_app: silence raises score"),
            1);
  // A wrong option scoring above the right one.
  EXPECT_EQ(warnings_with(load_v2("\"label\": {\"vi\": \"Đọc mã cho họ để giữ tài khoản\", \"en\": \"Read them the code to keep the account\"}, \"score\": 0",
                                  "\"label\": {\"vi\": \"Đọc mã cho họ để giữ tài khoản\", \"en\": \"Read them the code to keep the account\"}, \"score\": 2"),
                          "question otp: scores contradict correct: a wrong option scores 2, a right one 1"),
            1);
  // A level text claiming an account without requiring one.
  EXPECT_EQ(warnings_with(load_v2("\"requires\": \"${has_phone} and ${has_account}\"", "\"requires\": \"${has_phone}\""),
                          "level l2 requires: unclaimed condition: its text says"),
            2);  // the Vietnamese and the English phrase
  // Advice saying "có tài khoản" without `when`.
  EXPECT_EQ(warnings_with(load_v2("\"text\": {\"vi\": \"Luyện chuyển tiền bằng mã QR\"", "\"text\": {\"vi\": \"Khi đã có tài khoản, luyện chuyển tiền bằng mã QR\""),
                          "dimension pay advice (min 50) when: unclaimed condition"),
            1);
  // An indicator question nothing reads.
  EXPECT_EQ(warnings_with(load_v2("\"numerator\": \"${trained}\", \"denominator\": \"answered(${trained})\"",
                                  "\"numerator\": \"0\", \"denominator\": \"1\""),
                          "question trained: indicator question unused"),
            1);
}

// Version 1: an optional scored question whose wrong / low answer can be left out warns.
TEST(SurveyV2, Version1SilenceWarns) {
  auto warnings = survey_warnings(*drt::mini());
  std::string all;
  for (auto& w : warnings) all += w + "\n";
  EXPECT_NE(all.find("question otp: silence raises score"), std::string::npos) << all;
  EXPECT_NE(all.find("question otp: scores contradict correct"), std::string::npos) << all;
  EXPECT_EQ(all.find("question has_phone: silence"), std::string::npos) << all;  // required
}

// The bundled format_version 2 surveys give no validate warning (the archived 1.0.0 ones may).
TEST(SurveyV2, BundledV2SurveysHaveNoWarnings) {
  DIR* d = opendir(DR_SURVEY_DIR);
  if (!d) GTEST_SKIP() << "no " DR_SURVEY_DIR;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    auto r = load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + name), name);
    if (!r.ok() || r.survey->format_version < 2) continue;
    for (auto& w : survey_warnings(*r.survey)) ADD_FAILURE() << w;
  }
  closedir(d);
}

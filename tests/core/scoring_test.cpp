#include "core/scoring.hpp"

#include "test_util.hpp"

using namespace dr;

// Example A, by hand (docs/survey-format.md "Scoring"):
//  dev:  has_phone yes 1/1 (w1), phone_use zalo+bank 3/4 (w2), confidence 4 -> score 3/4 (w1)
//        = (1 + 1.5 + 0.75) / 4 = 81.25 %
//  pay:  pays_online sometimes 1/2, wallet momo 1/max_score 2 -> (0.5 + 0.5) / 2 = 50 %
//  safe: otp knowledge item right -> 100 %
//  overall = (1*81.25 + 2*50 + 1*100) / 4 = 70.3125 -> level l2 (min 70)
TEST(Scoring, ExampleA) {
  auto s = drt::mini();
  Scores sc = score(*s, drt::example_a());
  ASSERT_EQ(sc.dimensions.size(), 3u);
  EXPECT_DOUBLE_EQ(*sc.dimensions[0].percent, 81.25);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 50);
  EXPECT_DOUBLE_EQ(*sc.dimensions[2].percent, 100);
  EXPECT_DOUBLE_EQ(*sc.overall, 70.3125);
  EXPECT_EQ(s->levels[size_t(sc.level)].id, "l2");
  EXPECT_EQ(sc.weakest, (std::vector<int>{1, 0, 2}));
  EXPECT_EQ(sc.strengths, (std::vector<int>{0, 2}));
  ASSERT_TRUE(sc.dimensions[0].advice);
  EXPECT_EQ(sc.dimensions[0].advice->get("en"), "Help others");  // band 80
  EXPECT_EQ(sc.dimensions[1].advice->get("vi"), "Thử ví điện tử");
  ASSERT_EQ(sc.knowledge.size(), 1u);
  EXPECT_TRUE(sc.knowledge[0].right);
  EXPECT_EQ(sc.knowledge[0].correct, (std::vector<std::string>{"never_share"}));
}

// Example B: hidden questions leave the denominators even when answered.
//  has_phone no -> phone_use, confidence hidden; dev = 0/1 = 0 %
//  pays_online never -> wallet hidden; pay = 0 %;  otp wrong -> safe 0 %; overall 0 -> l0
TEST(Scoring, HiddenQuestionsOutOfDenominators) {
  auto s = drt::mini();
  Answers a;
  a["has_phone"] = "no";
  a["phone_use"] = std::vector<std::string>{"bank"};
  a["confidence"] = 5;
  a["pays_online"] = "never";
  a["wallet"] = std::vector<std::string>{"momo", "zalopay"};
  a["otp"] = "share";
  Scores sc = score(*s, a);
  EXPECT_DOUBLE_EQ(*sc.dimensions[0].percent, 0);
  EXPECT_EQ(sc.dimensions[0].answered, 1);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 0);
  EXPECT_DOUBLE_EQ(*sc.dimensions[2].percent, 0);
  EXPECT_DOUBLE_EQ(*sc.overall, 0);
  EXPECT_EQ(s->levels[size_t(sc.level)].id, "l0");
  EXPECT_FALSE(sc.knowledge[0].right);
  EXPECT_TRUE(sc.strengths.empty());
}

// Example C: only pay answered (often 2/2) -> pay 100 %, dev and safe have no score and
// are left out of the overall -> overall 100.
TEST(Scoring, UnscoredDimensionsLeftOut) {
  auto s = drt::mini();
  Answers a;
  a["pays_online"] = "often";
  Scores sc = score(*s, a);
  EXPECT_FALSE(sc.dimensions[0].percent);
  EXPECT_FALSE(sc.dimensions[2].percent);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 100);
  EXPECT_DOUBLE_EQ(*sc.overall, 100);
  EXPECT_EQ(sc.weakest, (std::vector<int>{1}));
  EXPECT_EQ(sc.dimensions[0].advice, nullptr);
}

TEST(Scoring, NothingAnswered) {
  Scores sc = score(*drt::mini(), {});
  EXPECT_FALSE(sc.overall);
  EXPECT_EQ(sc.level, -1);
  EXPECT_TRUE(sc.weakest.empty());
}

TEST(Scoring, QuestionFractions) {
  auto s = drt::mini();
  const Question& use = *s->find("phone_use");
  EXPECT_DOUBLE_EQ(*question_fraction(use, Value(std::vector<std::string>{"call", "zalo", "bank"})), 1.0);
  EXPECT_DOUBLE_EQ(*question_fraction(use, Value(std::vector<std::string>{"none"})), 0.0);
  EXPECT_FALSE(question_fraction(use, Value(std::vector<std::string>{"nope"})));
  const Question& wallet = *s->find("wallet");  // max_score 2 caps three wallets at 100 %
  EXPECT_DOUBLE_EQ(*question_fraction(wallet, Value(std::vector<std::string>{"momo", "zalopay", "bank"})), 1.0);
  const Question& conf = *s->find("confidence");
  EXPECT_DOUBLE_EQ(*question_fraction(conf, Value(1)), 0.0);
  EXPECT_DOUBLE_EQ(*question_fraction(conf, Value(3)), 0.5);
  EXPECT_FALSE(question_fraction(conf, Value(7)));
}

TEST(Scoring, Deterministic) {
  auto s = drt::mini();
  auto a = drt::example_a();
  Scores x = score(*s, a), y = score(*s, a);
  EXPECT_EQ(*x.overall, *y.overall);
  EXPECT_EQ(x.weakest, y.weakest);
}

TEST(Scoring, TiesKeepFileOrder) {
  auto s = drt::mini();
  Answers a;
  a["has_phone"] = "no";       // dev 0
  a["pays_online"] = "never";  // pay 0
  a["otp"] = "share";          // safe 0
  EXPECT_EQ(score(*s, a).weakest, (std::vector<int>{0, 1, 2}));
}

// zero_when_hidden: has_phone left empty hides phone_use and confidence. Unmarked, dev has no
// question at all (no score, out of the overall); marked, both count as 0 with their weights.
TEST(Scoring, ZeroWhenHidden) {
  std::string json = drt::mini_json();
  for (const char* id : {"\"id\": \"phone_use\"", "\"id\": \"confidence\""}) {
    const auto at = json.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    json.insert(at, "\"zero_when_hidden\": true, ");
  }
  LoadResult marked = load_survey(json, "mini-zero.json");
  ASSERT_TRUE(marked.ok()) << (marked.errors.empty() ? "" : marked.errors[0]);
  EXPECT_TRUE(marked.warnings.empty()) << marked.warnings[0];
  Answers a;
  a["pays_online"] = "often";  // pay: 2/2 = 100 %; wallet visible but unanswered
  Scores before = score(*drt::mini(), a);
  EXPECT_FALSE(before.dimensions[0].percent);
  EXPECT_DOUBLE_EQ(*before.overall, 100);
  Scores after = score(*marked.survey, a);
  ASSERT_TRUE(after.dimensions[0].percent);
  EXPECT_DOUBLE_EQ(*after.dimensions[0].percent, 0);  // 0 / (2 + 1)
  EXPECT_DOUBLE_EQ(*after.overall, 200.0 / 3);        // (1 * 0 + 2 * 100) / 3
  // Shown, they score as usual.
  a["has_phone"] = "yes";
  a["phone_use"] = std::vector<std::string>{"zalo", "bank"};
  EXPECT_DOUBLE_EQ(*score(*marked.survey, a).dimensions[0].percent, 100.0 * (1 + 2 * 0.75) / 3);
}

TEST(Scoring, ZeroWhenHiddenWithoutSkipLogicIsFlagged) {
  std::string json = drt::mini_json();
  json.insert(json.find("\"id\": \"has_phone\""), "\"zero_when_hidden\": true, ");
  LoadResult r = load_survey(json, "mini-flag.json");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("zero_when_hidden has no effect"), std::string::npos) << r.warnings[0];
}

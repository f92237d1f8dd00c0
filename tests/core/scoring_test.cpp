#include "core/scoring.hpp"

#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <random>

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

// ---- format_version 2 (docs/survey-format.md "Format version 2"), on tests/core/data/mini-v2.json ----
// Weights: dimensions dev 2, pay 1, safe 2. dev: has_phone 1, phone_use 2 (of 4), confidence 1 (of 3);
// pay: has_account 1, bank_app 1, pays_online 2 (of 2); safe: otp 1 (knowledge), sec_lock 2 (of 2).

namespace {
const std::string& level_id(const Survey& s, const Scores& sc) { return s.levels[size_t(sc.level)].id; }

// A smartphone user who does everything (dev 100 %, safe 100 %); payments as the test sets them.
Answers capable_user() {
  Answers a;
  a["has_phone"] = "yes";
  a["phone_use"] = std::vector<std::string>{"call", "zalo", "bank"};
  a["confidence"] = 4;
  a["otp"] = "never_share";
  a["sec_lock"] = "pin";
  return a;
}

// The same person without an account, paying often (through someone else's): pay 50 %.
Answers capable_without_account() {
  Answers a = capable_user();
  a["has_account"] = "no";
  a["pays_online"] = "often";
  return a;
}
}  // namespace

// Silence is not skill: only the required question, answered well.
//  dev = (1 + 0 + 0) / 4 = 25 %; pay = 0 / 4 = 0 %; safe = 0 / 3 = 0 %
//  overall = (2 * 25 + 0 + 0) / 5 = 10 % -> l0.
// The same file read as format_version 1 leaves the silence out: dev 100 %; pay 0 % (only bank_app,
// hidden and zero_when_hidden, counts); safe no score: overall (2 × 100 + 0) / 3 = 66.67 % -> l1.
TEST(ScoringV2, SilenceIsNotSkill) {
  auto s = drt::mini_v2();
  Answers a;
  a["has_phone"] = "yes";
  Scores sc = score(*s, a);
  EXPECT_DOUBLE_EQ(*sc.dimensions[0].percent, 25);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 0);
  EXPECT_DOUBLE_EQ(*sc.dimensions[2].percent, 0);
  EXPECT_DOUBLE_EQ(*sc.overall, 10);
  EXPECT_EQ(level_id(*s, sc), "l0");
  EXPECT_EQ(sc.weakest, (std::vector<int>{1, 2, 0}));

  auto v1 = load_survey(drt::patched(drt::mini_v2_json(), "\"format_version\": 2", "\"format_version\": 1"), "v1.json");
  ASSERT_TRUE(v1.ok());
  Scores old = score(*v1.survey, a);
  EXPECT_NEAR(*old.overall, 200.0 / 3, 1e-9);
  EXPECT_EQ(level_id(*v1.survey, old), "l1");
}

// A level whose `requires` fails cannot be reached.
//  No account: pay = (0 + 0 [hidden, zero_when_hidden] + 2 × 1) / 4 = 50 %;
//  overall = (2 × 100 + 50 + 2 × 100) / 5 = 90 % >= 80, but l2 requires an account -> l1.
//  With an account and the bank app: pay 100 %, overall 100 % -> l2.
TEST(ScoringV2, LevelRequiresItsCondition) {
  auto s = drt::mini_v2();
  Answers a = capable_without_account();
  Scores sc = score(*s, a);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 50);
  EXPECT_DOUBLE_EQ(*sc.overall, 90);
  EXPECT_EQ(level_id(*s, sc), "l1");

  a["has_account"] = "yes";
  a["bank_app"] = "yes";
  sc = score(*s, a);
  EXPECT_DOUBLE_EQ(*sc.overall, 100);
  EXPECT_EQ(level_id(*s, sc), "l2");
}

// Advice chosen by the answers: both people score pay 50 %; only the account holder is told to
// install the bank app (the `when` entry), the other gets the plain band-50 advice.
//  account, no app, pays sometimes: (1 + 0 + 1) / 4 = 50 %; no account, pays often: (0 + 0 + 2) / 4 = 50 %.
TEST(ScoringV2, AdviceWhen) {
  auto s = drt::mini_v2();
  Answers holder = capable_user();
  holder["has_account"] = "yes";
  holder["bank_app"] = "no";
  holder["pays_online"] = "sometimes";
  Scores sc = score(*s, holder);
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 50);
  ASSERT_TRUE(sc.dimensions[1].advice);
  EXPECT_EQ(sc.dimensions[1].advice->get("en"), "You have an account: ask the digital team to install the bank app");

  sc = score(*s, capable_without_account());
  EXPECT_DOUBLE_EQ(*sc.dimensions[1].percent, 50);
  ASSERT_TRUE(sc.dimensions[1].advice);
  EXPECT_EQ(sc.dimensions[1].advice->get("en"), "Practise paying by QR code");
}

// A strength gets no remedial advice: dev and safe at 100 % are strengths and left out of the
// weakest list; only pay (50 %) is advised.
TEST(ScoringV2, StrengthsAreNotAdvised) {
  auto s = drt::mini_v2();
  Answers a = capable_without_account();
  Scores sc = score(*s, a);
  EXPECT_EQ(sc.strengths, (std::vector<int>{0, 2}));
  EXPECT_EQ(sc.weakest, (std::vector<int>{1}));
}

// Rounded comparisons. One dimension: a (yes/no, weight wa) and b (yes/no, weight 1 - wa); a yes, b no
// gives wa × 100 %. Levels 0 / 80, advice bands 0 / 50 / 80, strength_min 80.
namespace {
std::string one_dimension(int format_version, double wa) {
  auto question = [](const char* id, double weight) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"id\": \"%s\", \"title\": \"%s\", \"type\": \"yesno\", \"weight\": %.17g, \"dimension\": \"d\"}",
                  id, id, weight);
    return std::string(buf);
  };
  return std::string("{\"format\": \"digiready-survey\", \"format_version\": ") + std::to_string(format_version) +
         ", \"id\": \"r\", \"version\": \"1\", \"languages\": [\"en\"], \"title\": \"R\", \"strength_min\": 80,"
         " \"dimensions\": [{\"id\": \"d\", \"title\": \"D\", \"advice\": [{\"min\": 0, \"text\": \"A\"},"
         " {\"min\": 50, \"text\": \"B\"}, {\"min\": 80, \"text\": \"C\"}]}],"
         " \"levels\": [{\"id\": \"low\", \"min\": 0, \"label\": \"Low\"}, {\"id\": \"high\", \"min\": 80, \"label\": \"High\"}],"
         " \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"questions\": [" +
         question("a", wa) + ", " + question("b", 1 - wa) + "]}]}";
}
struct Seen {
  double percent;
  std::string level, advice;
  bool strength;
};
Seen seen(int format_version, double wa) {
  auto r = load_survey(one_dimension(format_version, wa), "r.json");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0]);
  if (!r.ok()) return {};
  Answers a;
  a["a"] = "yes";
  a["b"] = "no";
  Scores sc = score(*r.survey, a);
  return {*sc.overall, level_id(*r.survey, sc), sc.dimensions[0].advice->get("en"), !sc.strengths.empty()};
}
}  // namespace

TEST(ScoringV2, ThresholdsCompareTheShownPercent) {
  EXPECT_EQ(shown_percent(79.995), 80);
  EXPECT_EQ(shown_percent(79.4996), 80);  // 79.50 stored, shown 80
  EXPECT_EQ(shown_percent(79.49), 79);
  EXPECT_EQ(shown_percent(79.5), 80);

  Seen v2 = seen(2, 0.79995);  // 79.995 %, shown 80 %
  EXPECT_NEAR(v2.percent, 79.995, 1e-9);
  EXPECT_EQ(v2.level, "high");
  EXPECT_EQ(v2.advice, "C");
  EXPECT_TRUE(v2.strength);
  Seen v1 = seen(1, 0.79995);  // version 1 compares the unrounded value, as before
  EXPECT_EQ(v1.level, "low");
  EXPECT_EQ(v1.advice, "B");
  EXPECT_FALSE(v1.strength);
  Seen below = seen(2, 0.7949);  // 79.49 % is shown as 79 %
  EXPECT_EQ(below.level, "low");
  EXPECT_EQ(below.advice, "B");
  EXPECT_FALSE(below.strength);
}

// ---- property: removing any one answer never raises the overall nor any dimension ----
namespace {

// A random answer set: each question unanswered with probability 0.3, else a random valid-shaped answer.
Answers random_answers(const Survey& s, std::mt19937& rng) {
  Answers a;
  auto pick = [&](size_t n) { return size_t(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
  for (auto& q : s.questions) {
    if (q.type == QuestionType::Info || std::bernoulli_distribution(0.3)(rng)) continue;
    switch (q.type) {
      case QuestionType::Single: case QuestionType::YesNo: a[q.id] = q.options[pick(q.options.size())].value; break;
      case QuestionType::Rating: a[q.id] = q.options[pick(q.options.size())].number; break;
      case QuestionType::Multiple: {
        const Option& first = q.options[pick(q.options.size())];
        std::vector<std::string> v{first.value};
        if (!first.exclusive)
          for (auto& o : q.options)
            if (!o.exclusive && o.value != first.value && std::bernoulli_distribution(0.5)(rng)) v.push_back(o.value);
        a[q.id] = v;
        break;
      }
      case QuestionType::Integer: case QuestionType::Decimal: {
        double lo = q.min.value_or(0), hi = std::min(q.max.value_or(lo + 10), lo + 10);
        a[q.id] = double(std::uniform_int_distribution<int>(int(lo), int(hi))(rng));
        break;
      }
      case QuestionType::Date: a[q.id] = "2025-03-01"; break;
      case QuestionType::Text: case QuestionType::LongText: a[q.id] = pick(2) ? "Thôn 1" : "x"; break;
      case QuestionType::Info: break;
    }
  }
  return a;
}

bool raised(const std::optional<double>& before, const std::optional<double>& after) {
  return after && (!before || *after > *before + 1e-9);
}

// The first answer set and removed answer that raise a score, described; "" when none does.
std::string find_raise(const Survey& s, unsigned seed, int sets) {
  std::mt19937 rng(seed);
  for (int i = 0; i < sets; ++i) {
    const Answers a = random_answers(s, rng);
    const Scores before = score(s, a);
    for (auto& [id, v] : a) {
      Answers fewer = a;
      fewer.erase(id);
      const Scores after = score(s, fewer);
      std::string what = raised(before.overall, after.overall) ? "overall" : "";
      for (size_t d = 0; what.empty() && d < s.dimensions.size(); ++d)
        if (raised(before.dimensions[d].percent, after.dimensions[d].percent)) what = "dimension " + s.dimensions[d].id;
      if (!what.empty()) return s.id + ": set " + std::to_string(i) + ": removing '" + id + "' raises " + what;
    }
  }
  return "";
}

constexpr unsigned kSeed = 20261129;
}  // namespace

TEST(ScoringV2Property, RemovingAnAnswerNeverRaisesAScore) {
  EXPECT_EQ(find_raise(*drt::mini_v2(), kSeed, 400), "");
  // Every format_version 2 survey shipped in assets/surveys, whichever are there at test time
  // (DR_V2_SURVEY_DIR=dir points it at another folder, e.g. a branch's surveys before a merge).
  const char* env = std::getenv("DR_V2_SURVEY_DIR");
  const std::string dir = env && *env ? env : DR_SURVEY_DIR;
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  int v2 = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
    auto r = load_survey(drt::read_file(dir + "/" + name), name);
    if (!r.ok() || r.survey->format_version < 2) continue;
    ++v2;
    EXPECT_EQ(find_raise(*r.survey, kSeed, 300), "") << name;
  }
  closedir(d);
  std::printf("format_version 2 surveys in assets/surveys checked: %d\n", v2);
}

// The property test can fail: version 1 rules (silence left out), or a gated question that is not
// zero_when_hidden, let a removed answer raise a score, and it finds that. Here bank_app (weight 3,
// not zero_when_hidden) answered "no" weighs down pay; removing has_account hides it and pay rises
// from (1 + 0 + 2) / 6 = 50 % to (0 + 2) / 3 = 67 %.
TEST(ScoringV2Property, CatchesSilenceThatRaises) {
  EXPECT_NE(find_raise(*drt::mini(), kSeed, 400), "");
  std::string j = drt::patched(drt::mini_v2_json(), "\"zero_when_hidden\": true", "\"zero_when_hidden\": false");
  j = drt::patched(j, "{\"id\": \"bank_app\", ", "{\"id\": \"bank_app\", \"weight\": 3, ");
  auto no_zero = load_survey(j, "nz.json");
  ASSERT_TRUE(no_zero.ok());
  EXPECT_NE(find_raise(*no_zero.survey, kSeed, 400), "");
}

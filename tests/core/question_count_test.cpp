// "N questions" on the home card, the intro and "Câu 3/N": what one person can be asked at most.
// Worked examples on the shipped surveys, and a property over answer paths: N never grows as answers
// come, and ends at the number of questions the person was actually asked.
#include <random>

#include "core/engine.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {

std::shared_ptr<const Survey> shipped(const std::string& id) {
  auto r = load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + id + ".json"), id + ".json", drt::labels());
  for (auto& e : r.errors) ADD_FAILURE() << e;
  return r.survey;
}

const char* const kSurveys[] = {"household-digital-skills", "online-payment", "ecommerce-readiness",
                                "sme-dx-readiness"};

// One allowed answer for q, chosen by rng (choices among the options; numbers inside the range).
void answer(const Question& q, Answers& a, std::mt19937& rng) {
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo:
    case QuestionType::Rating:
      toggle_option(q, a, q.options[pick(q.options.size())].value);
      break;
    case QuestionType::Multiple:
      for (int k = 1 + int(pick(3)); k > 0; --k) toggle_option(q, a, q.options[pick(q.options.size())].value);
      if (!find_answer(a, q.id)) toggle_option(q, a, q.options[0].value);
      break;
    case QuestionType::Integer:
    case QuestionType::Decimal:
      set_answer(a, q.id, Value(q.min ? *q.min : 1.0));
      break;
    case QuestionType::Date: set_answer(a, q.id, Value("2026-05-01")); break;
    case QuestionType::Info: break;
    default: set_answer(a, q.id, Value("HO-001")); break;
  }
}

int visible_askable(const Survey& s, const Answers& a) {
  int n = 0;
  for (const Question& q : s.questions) n += q.type != QuestionType::Info && is_visible(s, q, a) ? 1 : 0;
  return n;
}

}  // namespace

TEST(QuestionCount, OneOldProvinceQuestionIsAskedNotOneForEachOfTheThirtyFourProvinces) {
  auto s = shipped("household-digital-skills");
  ASSERT_TRUE(s);
  int old_province = 0;
  for (const Question& q : s->questions) old_province += q.id.rfind("old_province_", 0) == 0 ? 1 : 0;
  ASSERT_EQ(old_province, 23) << "the provinces formed by merging in 2025 each ask which old province";
  // A new survey: 39 questions, not 61 (23 old-province questions of which one person sees at most one).
  const Progress fresh = progress(*s, {});
  EXPECT_EQ(fresh.expected(), 39);
  // An Giang (merged): its one old-province question is asked; N stays 39.
  Answers a;
  set_answer(a, "province", Value("an_giang"));
  EXPECT_EQ(progress(*s, a).expected(), 39);
  // Hà Nội (not merged): no old-province question at all; N shrinks by one.
  set_answer(a, "province", Value("ha_noi"));
  EXPECT_EQ(progress(*s, a).expected(), 38);
}

TEST(QuestionCount, TheNewSurveyCountOfEachShippedSurvey) {
  // What the home card and the intro say. Each is at least what any answer path below reaches.
  const int expected[] = {39, 39, 42, 41};
  for (size_t i = 0; i < 4; ++i) {
    auto s = shipped(kSurveys[i]);
    ASSERT_TRUE(s) << kSurveys[i];
    EXPECT_EQ(progress(*s, {}).expected(), expected[i]) << kSurveys[i];
  }
}

TEST(QuestionCount, NeverGrowsAsAnswersComeAndEndsAtWhatWasAsked) {
  // 300 answer paths per shipped survey (fixed seed): answered in order, as a person goes through.
  std::mt19937 rng(20261130);
  for (const char* id : kSurveys) {
    auto s = shipped(id);
    ASSERT_TRUE(s) << id;
    const int fresh = progress(*s, {}).expected();
    for (int path = 0; path < 300; ++path) {
      Answers a;
      int last = fresh;
      for (const Question& q : s->questions) {
        if (q.type == QuestionType::Info || !is_visible(*s, q, a)) continue;
        answer(q, a, rng);
        const int now = progress(*s, a).expected();
        ASSERT_LE(now, last) << id << " path " << path << " grew after answering " << q.id;
        last = now;
      }
      EXPECT_EQ(last, visible_askable(*s, a)) << id << " path " << path;
      EXPECT_EQ(progress(*s, a).pending, 0) << id << " path " << path;
    }
  }
}

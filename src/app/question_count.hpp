// The one way questions are counted, on every screen that shows a count: the home card ("35 câu
// hỏi"), a draft on home ("10/42"), the question ("Câu 3/42") and the review page ("40/42").
// A question is anything the person answers — the profile fields (household code, province…)
// included, info screens aside. Questions hidden by an answer already given leave the count;
// questions whose skip logic waits on an answer not given yet stay in it (they may still come), so
// the total only shrinks as answers rule questions out. This is dr::progress over the whole survey.
#pragma once
#include "core/digiready.hpp"

namespace app {

struct QuestionCount {
  int answered = 0;  // counted questions with an acceptable answer
  int total = 0;     // counted questions
};

// The count for these answers (no answers: what a new survey asks).
QuestionCount count_questions(const dr::Survey& s, const dr::Answers& a);
// The same for a kept result or draft (its answers, its survey version).
QuestionCount count_questions(const dr::Result& r);
// The place of the question at index `pos` among the counted questions shown now (1-based), 0 for
// an info screen or a hidden question.
int question_number(const dr::Survey& s, const dr::Answers& a, int pos);

}  // namespace app

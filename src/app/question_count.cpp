#include "app/question_count.hpp"

namespace app {

QuestionCount count_questions(const dr::Survey& s, const dr::Answers& a) {
  const dr::Progress p = dr::progress(s, a);
  return {p.answered, p.expected()};
}

QuestionCount count_questions(const dr::Result& r) { return count_questions(*r.survey, dr::all_answers(r)); }

int question_number(const dr::Survey& s, const dr::Answers& a, int pos) {
  int n = 0;
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || !dr::is_visible(s, q, a)) continue;
    ++n;
    if (q.index == pos) return n;
  }
  return 0;
}

}  // namespace app

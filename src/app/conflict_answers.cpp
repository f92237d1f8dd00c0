#include "app/conflict_answers.hpp"

namespace app {

namespace {
const dr::Value* answer(const dr::Result& r, const dr::Question& q) {
  const dr::Answers& m = q.profile() ? r.profile : r.answers;
  auto it = m.find(q.id);
  return it == m.end() || !it->second.answered() ? nullptr : &it->second;
}
}  // namespace

std::vector<AnswerDifference> answer_differences(const dr::Result& a, const dr::Result& b) {
  std::vector<AnswerDifference> out;
  const dr::Survey* s = a.survey ? a.survey.get() : b.survey.get();
  if (!s) return out;
  for (const dr::Question& q : s->questions) {
    if (q.type == dr::QuestionType::Info) continue;
    const dr::Value *va = answer(a, q), *vb = answer(b, q);
    if (!va && !vb) continue;
    if (va && vb && *va == *vb) continue;
    out.push_back({&q, va, vb});
  }
  return out;
}

bool other_than_answers(const dr::Result& a, const dr::Result& b) {
  return a.survey_id != b.survey_id || a.survey_version != b.survey_version || a.status != b.status ||
         a.completed != b.completed || a.started != b.started || a.language != b.language;
}

}  // namespace app

#include "app/session.hpp"

#include "app/household_code.hpp"
#include "app/respondent.hpp"

namespace app {

namespace {
bool is_text(const dr::Question& q) {
  return q.type == dr::QuestionType::Text || q.type == dr::QuestionType::LongText;
}
}  // namespace

int resume_position(const dr::Survey& s, const dr::Answers& a) {
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || !dr::is_visible(s, q, a)) continue;
    const dr::Value* v = dr::find_answer(a, q.id);
    if (!v || !v->answered() || dr::check_answer(s, q, a)) return q.index;
  }
  return -1;
}

const RecordStore::Entry* draft_to_offer(const RecordStore& store, const std::string& survey_id,
                                         const std::string& except_id) {
  for (const RecordStore::Entry& d : store.drafts())  // newest first
    if (d.result.survey_id == survey_id && d.result.id != except_id) return &d;
  return nullptr;
}

void Session::start(std::shared_ptr<const dr::Survey> s, const std::string& lang, const std::string& now) {
  *this = Session();
  survey = std::move(s);
  result = dr::new_result(*survey, lang, now);
}

bool Session::resume(const dr::Result& draft) {
  *this = Session();
  survey = draft.survey;
  result = draft;
  answers = dr::all_answers(draft);
  pos = resume_position(*survey, answers);
  if (pos >= 0) return true;
  pos = int(survey->questions.size()) - 1;
  return false;
}

void Session::open(const dr::Result& kept) {
  *this = Session();
  survey = kept.survey;
  result = kept;
  answers = dr::all_answers(kept);
  scores = dr::score(*survey, answers);
  saved_on_device = true;
}

int Session::step(int from, int dir) const {
  const dr::Survey& s = *survey;
  for (int i = from + dir; i >= 0 && i < int(s.questions.size()); i += dir)
    if (dr::is_visible(s, s.questions[size_t(i)], answers)) return i;
  return -1;
}

int Session::last() const { return step(int(survey->questions.size()), -1); }

void Session::go_to(int p) {
  pos = p;
  show_problem = false;
}

int Session::submit_review() {
  const int bad = first_problem();
  if (bad < 0) return -1;
  go_to(bad);
  back_to_review = true;
  show_problem = true;
  return bad;
}

bool Session::settle() {
  const dr::Survey& s = *survey;
  if (pos < 0 || pos >= int(s.questions.size())) pos = first();
  if (pos < 0) return false;
  if (dr::is_visible(s, s.questions[size_t(pos)], answers)) return true;
  int to = step(pos, +1);
  if (to < 0) to = step(pos, -1);
  if (to < 0) return false;
  pos = to;
  return true;
}

Session::Next Session::next() {
  const dr::Question& q = survey->questions[size_t(pos)];
  if (typed.count(q.id) || dr::check_answer(*survey, q, answers)) {
    show_problem = true;
    return {};
  }
  Next n;
  n.pos = back_to_review ? -1 : step(pos, +1);
  n.move = n.pos < 0 ? Move::Review : Move::Question;
  if (n.move == Move::Review) {
    n.from_review = back_to_review;
    back_to_review = false;
  }
  return n;
}

AnswerIssue Session::issue(const dr::Question& q) const {
  AnswerIssue out;
  if (typed.count(q.id)) {
    out.kind = q.type == dr::QuestionType::Date      ? AnswerIssue::Kind::NotADate
               : q.type == dr::QuestionType::Integer ? AnswerIssue::Kind::NotAnInteger
                                                     : AnswerIssue::Kind::NotANumber;
    return out;
  }
  auto p = dr::check_answer(*survey, q, answers);
  if (!p) return out;
  if (p->kind == dr::Problem::Required) {
    if (show_problem) out.kind = AnswerIssue::Kind::Required;
    return out;
  }
  out.kind = AnswerIssue::Kind::Rule;
  out.message = p->message;
  out.rule = p->rule;
  return out;
}

std::string issue_words(const AnswerIssue& issue, const dr::Strings& words) {
  switch (issue.kind) {
    case AnswerIssue::Kind::None: return {};
    case AnswerIssue::Kind::NotADate: return words.get("survey.bad_date");
    case AnswerIssue::Kind::NotAnInteger: return words.get("survey.bad_integer");
    case AnswerIssue::Kind::NotANumber: return words.get("survey.bad_number");
    case AnswerIssue::Kind::Required: return words.get("survey.required");
    case AnswerIssue::Kind::Rule: return issue.rule.empty() ? words.text(issue.message) : issue.rule.get(words.language());
  }
  return {};
}

bool Session::choose(const dr::Question& q, const std::string& value) {
  dr::toggle_option(q, answers, value);
  show_problem = false;
  return true;
}

bool Session::type(const dr::Question& q, const std::string& text) {
  show_problem = false;
  if (is_text(q)) {
    if (text.empty()) dr::clear_answer(answers, q.id);
    else dr::set_answer(answers, q.id, dr::Value(text));
    typed.erase(q.id);
    return true;
  }
  bool ok = true;
  dr::Value v = dr::parse_typed_input(q, text, ok);
  if (ok) {
    if (v.is_null()) dr::clear_answer(answers, q.id);
    else dr::set_answer(answers, q.id, v);
    typed.erase(q.id);
  } else {
    // Kept as typed so the field shows what to fix; the old value must not survive silently
    // (Back, Home or a reload would keep it otherwise).
    typed[q.id] = text;
    dr::clear_answer(answers, q.id);
  }
  return true;
}

bool Session::answer_alone(const dr::Question& q) {
  if (!offers_answer_alone(q)) return false;
  typed.erase(q.id);
  show_problem = false;
  dr::set_answer(answers, q.id, dr::Value(alone_code(result.id)));
  return true;
}

bool Session::trim(const std::string& question_id) {
  const dr::Question* q = survey ? survey->find(question_id) : nullptr;
  if (!q || !is_text(*q)) return false;
  const dr::Value* v = dr::find_answer(answers, q->id);
  if (!v || !v->is_string()) return false;
  std::string trimmed = dr::trim(v->str());
  if (trimmed == v->str()) return false;
  show_problem = false;
  if (trimmed.empty()) dr::clear_answer(answers, q->id);
  else dr::set_answer(answers, q->id, dr::Value(std::move(trimmed)));
  return true;
}

bool Session::save_draft(RecordStore& store, const std::string& now) {
  dr::update_result(result, *survey, answers, now);
  return store.save_draft(result);
}

bool Session::finish(RecordStore& store, const std::string& now) {
  dr::complete_result(result, *survey, answers, now);
  scores = dr::score(*survey, answers);
  saved_on_device = store.save_result(result);
  return saved_on_device;
}

const RecordStore::Entry* Session::same_person_draft(const RecordStore& store) const {
  // The answers on screen, not the result: they may be newer than its last update.
  return survey ? store.draft_for(survey->id, respondent(answers), result.id) : nullptr;
}

}  // namespace app

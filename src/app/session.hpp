// The survey a person is taking (or a finished result being shown) and the rules of taking it:
// where a new one starts, where a kept draft continues, where Next and Back go, when a problem is
// said, what typed text does to the answer, and what is kept when. Screens draw this and call it.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "app/record_store.hpp"
#include "core/digiready.hpp"

namespace app {

// What is wrong with an answer, as the app decides to say it now (the screen picks the words).
struct AnswerIssue {
  enum class Kind { None, NotADate, NotAnInteger, NotANumber, Required, Rule };
  Kind kind = Kind::None;
  dr::Message message;  // Rule: what the core found wrong (a locale key with its arguments)
  dr::Text rule;        // Rule: the survey's own message, said instead when it has one
  explicit operator bool() const { return kind != Kind::None; }
};

// The issue in words: the survey's own message, else the locale's text for it ("" for None).
std::string issue_words(const AnswerIssue& issue, const dr::Strings& words);

// Where a kept draft continues: the first visible question (info screens aside) without an
// acceptable answer; -1 when every one has one (the review page).
int resume_position(const dr::Survey& s, const dr::Answers& a);

// The draft of survey `survey_id` (any version) to offer again when the person starts that survey,
// the newest other than `except_id` (the one being started); nullptr when there is none. Starting
// anew stays possible: an enumerator visits household after household.
const RecordStore::Entry* draft_to_offer(const RecordStore& store, const std::string& survey_id,
                                         const std::string& except_id = {});

class Session {
 public:
  std::shared_ptr<const dr::Survey> survey;
  dr::Result result;
  dr::Answers answers;
  int pos = -1;                 // index into survey->questions of the question on screen
  bool show_problem = false;    // Next was refused: a missing answer is said now
  bool back_to_review = false;  // editing from the review page: Next returns there
  std::map<std::string, std::string> typed;  // number/date text as typed, while it does not parse
  dr::Scores scores;            // a finished result's
  bool saved_on_device = false;

  // A new result of `s` (kept once the person agrees to start: save_draft).
  void start(std::shared_ptr<const dr::Survey> s, const std::string& lang, const std::string& now);
  // Carries on with a kept draft at resume_position(); false: every answer is there (review page).
  bool resume(const dr::Result& draft);
  // Shows a kept result (its scores recomputed from its answers).
  void open(const dr::Result& kept);

  // The next / previous visible item (info screens included) from `from`, or -1.
  int step(int from, int dir) const;
  int first() const { return step(-1, +1); }
  int last() const;
  // Puts question `p` on screen (a fresh look: no problem said yet).
  void go_to(int p);
  // The question on screen is hidden by an earlier answer, or none is set: moves to the next
  // visible one (else the one before). false: no question to show (the review page).
  bool settle();

  // Next on the question on screen. Refused while its answer has a problem (show_problem is set);
  // else the next visible question, or the review page when there is none or when editing from it.
  enum class Move { Stay, Question, Review };
  struct Next {
    Move move = Move::Stay;
    int pos = -1;
    bool from_review = false;  // back to where the person was on the review page
  };
  Next next();
  // The question on the review page to fix before finishing, or -1.
  int first_problem() const { return dr::first_problem(*survey, answers); }
  // "Send" on the review page: -1 when every answer is acceptable (finish now); else the first
  // question to fix, put on screen with its message said, Next then coming back to the review page.
  int submit_review();

  // The issue to show under question q now: typed text that does not parse, a broken rule at
  // once, a missing required answer only after Next was refused.
  AnswerIssue issue(const dr::Question& q) const;

  // Answers. Each returns whether the answers changed (then save_draft).
  bool choose(const dr::Question& q, const std::string& value);
  // The whole text of q's field after a keystroke: a text answer as is ("" clears), a number or
  // date once it parses; text that does not parse is kept as typed and the old answer goes.
  bool type(const dr::Question& q, const std::string& text);
  // A person answering alone has no household code yet (the team gives it): the code question gets
  // a temporary one that says so, "CHUA-MA-" and the start of this result's id (household_code.hpp),
  // which the team replaces when the result reaches them. false: q is not the household code.
  bool answer_alone(const dr::Question& q);
  // Typing is over: spaces at the ends of a text answer go (only spaces is no answer).
  bool trim(const std::string& question_id);

  // Records the answers in the result and keeps it as a draft. false: storage refused.
  bool save_draft(RecordStore& store, const std::string& now);
  // Completes, scores and keeps the result (removing the draft). false: storage refused; the
  // scores are there to show anyway.
  bool finish(RecordStore& store, const std::string& now);

  // Another kept draft of this survey for the same person (one draft per survey and person: it is
  // offered instead of keeping two), or nullptr.
  const RecordStore::Entry* same_person_draft(const RecordStore& store) const;
};

}  // namespace app

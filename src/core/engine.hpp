// Runtime rules the UI applies while a person answers: skip logic, validation, answer editing, progress.
#pragma once
#include <optional>
#include <string_view>

#include "core/message.hpp"
#include "core/survey.hpp"

namespace dr {

class EvalContext;

// visible_if of the question (true when absent). Answers to hidden questions count as unanswered.
bool is_visible(const Survey& s, const Question& q, const Answers& a);

struct Problem {
  enum Kind { Required, Constraint, Range, Format };
  Kind kind = Required;
  Message message;  // what is wrong, as a locale key ("answer.range") with its arguments
  Text rule;        // Constraint: the survey's own constraint_message when it has one (said instead)
};

// Problem with the current answer to q, or nullopt. Hidden questions never have one.
std::optional<Problem> check_answer(const Survey& s, const Question& q, const Answers& a);
// The same with a context built once for the answer set: checking every question of a result
// (verifying an imported file) then builds one context, not one per question.
std::optional<Problem> check_answer(EvalContext& ctx, const Question& q);

// True when an answered value has the shape the question needs (option exists, date is real, …).
bool answer_format_ok(const Question& q, const Value& v);

// First question (in order) that is visible and has a problem, or -1 — for "Next"/"Finish".
int first_problem(const Survey& s, const Answers& a, int section = -2 /* -2 = all, -1 = profile */);

// multiple: toggles `value`, applying the exclusive ("none of these") rule. single/yesno/rating:
// selects `value` (rating stores the number). Unknown options are ignored.
void toggle_option(const Question& q, Answers& a, std::string_view value);
bool is_selected(const Question& q, const Answers& a, std::string_view value);
void set_answer(Answers& a, std::string_view id, Value v);
void clear_answer(Answers& a, std::string_view id);
const Value* find_answer(const Answers& a, std::string_view id);

// Text a person typed into an integer / decimal / date field -> Value. Empty text -> null, ok.
// Decimals accept "1.5" and "1,5"; dates must be YYYY-MM-DD and a real day. ok=false on bad text.
Value parse_typed_input(const Question& q, std::string_view text, bool& ok);
// The inverse, for showing a stored value in a text field.
std::string format_value(const Value& v);

struct Progress {
  int answered = 0;  // visible askable questions with an acceptable answer (info excluded)
  int total = 0;     // visible askable questions
  // Hidden askable questions after `from` whose skip logic waits on an answer not given yet (the
  // "internet" question until "do you have a smartphone" is answered): they may still come, so
  // "n of N" counts them and N only shrinks as answers rule them out, instead of jumping up.
  int pending = 0;
  int expected() const { return total + pending; }
  float fraction() const { return expected() ? float(answered) / float(expected()) : 0.f; }
};
Progress progress(const Survey& s, const Answers& a, int from = -1);

}  // namespace dr

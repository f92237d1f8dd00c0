// `digiready validate` warnings (docs/survey-format.md "Warnings"): things the loader accepts but
// that make a score or a text claim more than the answers show.
#include <algorithm>
#include <cmath>

#include "core/expr.hpp"
#include "core/json.hpp"
#include "core/scoring.hpp"
#include "core/survey.hpp"

namespace dr {

namespace {

constexpr double kMaxKnowledgeShare = 0.40;

std::string qname(const Question& q) { return (q.profile() ? "profile field " : "question ") + q.id; }

void knowledge_share(const Survey& s, std::vector<std::string>& out) {
  for (size_t d = 0; d < s.dimensions.size(); ++d) {
    double all = 0, knowledge = 0;
    for (auto& q : s.questions) {
      if (!q.scored() || q.dimension_index != int(d)) continue;
      all += q.weight;
      if (q.knowledge()) knowledge += q.weight;
    }
    if (all > 0 && knowledge / all > kMaxKnowledgeShare)
      out.push_back(s.file_name + ": dimension " + s.dimensions[d].id + ": knowledge share: knowledge items carry " +
                    json::number_text(std::round(100 * knowledge / all)) + " % of its question weight (more than 40 %)");
  }
}

// Lowest fraction any single answer can give (each option alone).
double lowest_fraction(const Question& q) {
  double low = 1;
  for (auto& o : q.options) {
    Value v = q.type == QuestionType::Multiple ? Value(std::vector<std::string>{o.value})
              : q.type == QuestionType::Rating ? Value(o.number)
                                               : Value(o.value);
    if (auto f = question_fraction(q, v)) low = std::min(low, *f);
  }
  return low;
}

// Version 1 leaves an unanswered optional question out; version 2 counts it 0 but still lets a
// hidden one (without zero_when_hidden) leave, and removing the answer that shows it hides it.
void silence_raises(const Survey& s, std::vector<std::string>& out) {
  for (auto& q : s.questions) {
    if (!q.scored() || !(q.knowledge() || q.full_score > 0)) continue;
    if (s.format_version < 2) {
      if (!q.required && lowest_fraction(q) < 1)
        out.push_back(s.file_name + ": " + qname(q) + ": silence raises score: optional and scored, so leaving it out "
                      "can raise the score (format_version 2 counts it 0)");
    } else if (q.visible_if && !q.zero_when_hidden) {
      out.push_back(s.file_name + ": " + qname(q) + ": silence raises score: scored with visible_if but not "
                    "zero_when_hidden, so removing the answer that shows it can raise the score");
    }
  }
}

void scores_against_correct(const Survey& s, std::vector<std::string>& out) {
  for (auto& q : s.questions) {
    if (!q.knowledge()) continue;
    double right = INFINITY, wrong = -INFINITY;
    for (auto& o : q.options) {
      bool is_right = std::find(q.correct.begin(), q.correct.end(), o.value) != q.correct.end();
      if (is_right) right = std::min(right, o.score);
      else wrong = std::max(wrong, o.score);
    }
    if (wrong > right)
      out.push_back(s.file_name + ": " + qname(q) + ": scores contradict correct: a wrong option scores " +
                    json::number_text(wrong) + ", a right one " + json::number_text(right));
  }
}

std::string without_spaces(std::string_view x) {
  std::string r;
  for (char c : x)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') r += c;
  return r;
}

bool mentions(const Text& t, const std::string& phrase) {
  return std::any_of(t.items.begin(), t.items.end(), [&](auto& it) { return it.second.find(phrase) != std::string::npos; });
}

// A text that says a claim's phrase must carry the claim's expression in its condition.
void unclaimed_conditions(const Survey& s, std::vector<std::string>& out) {
  for (auto& c : s.claims) {
    const std::string need = without_spaces(c.expr_src);
    auto check = [&](bool said, const std::string& condition, const std::string& where) {
      if (said && without_spaces(condition).find(need) == std::string::npos)
        out.push_back(s.file_name + ": " + where + ": unclaimed condition: its text says '" + c.phrase +
                      "' but its condition does not contain " + c.expr_src);
    };
    for (auto& l : s.levels)
      check(mentions(l.label, c.phrase) || mentions(l.description, c.phrase), l.requires_src, "level " + l.id + " requires");
    for (auto& d : s.dimensions)
      for (auto& a : d.advice)
        check(mentions(a.text, c.phrase), a.when_src,
              "dimension " + d.id + " advice (min " + json::number_text(a.min) + ") when");
  }
}

// What indicator expressions read, through computed values and the visible_if of what they read.
void unused_indicator_questions(const Survey& s, std::vector<std::string>& out) {
  const size_t nq = s.questions.size();
  std::vector<int> todo;
  for (auto& ind : s.indicators) {
    if (ind.numerator) expression_refs(*ind.numerator, todo);
    if (ind.denominator) expression_refs(*ind.denominator, todo);
  }
  std::vector<char> seen(nq + s.computed.size(), 0);
  while (!todo.empty()) {
    size_t r = size_t(todo.back());
    todo.pop_back();
    if (r >= seen.size() || seen[r]) continue;
    seen[r] = 1;
    const ExprPtr& e = r < nq ? s.questions[r].visible_if : s.computed[r - nq].expr;
    if (e) expression_refs(*e, todo);
  }
  for (auto& q : s.questions)
    if (q.indicator && !seen[size_t(q.index)])
      out.push_back(s.file_name + ": " + qname(q) + ": indicator question unused: no indicator reads it");
}

}  // namespace

std::vector<std::string> survey_warnings(const Survey& s) {
  std::vector<std::string> out;
  knowledge_share(s, out);
  silence_raises(s, out);
  scores_against_correct(s, out);
  unclaimed_conditions(s, out);
  unused_indicator_questions(s, out);
  return out;
}

}  // namespace dr

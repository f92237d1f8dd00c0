#include "core/engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/expr.hpp"
#include "core/json.hpp"

namespace dr {

bool is_visible(const Survey& s, const Question& q, const Answers& a) {
  if (!q.visible_if) return true;
  EvalContext ctx(s, a);
  return ctx.visible(q.index);
}

namespace {

bool valid_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  int y = std::atoi(std::string(t.substr(0, 4)).c_str());
  int m = (t[5] - '0') * 10 + (t[6] - '0');
  int d = (t[8] - '0') * 10 + (t[9] - '0');
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

Problem make(Problem::Kind k, Message msg) { return Problem{k, std::move(msg), {}}; }

Message range_message(const Question& q) {
  std::string lo = q.min ? json::number_text(*q.min) : "", hi = q.max ? json::number_text(*q.max) : "";
  if (q.min && q.max) return Message("answer.range", {lo, hi});
  if (q.min) return Message("answer.at_least", {lo});
  return Message("answer.at_most", {hi});
}

}  // namespace

// Shape check of an answered value against the question (shared with result reading).
bool answer_format_ok(const Question& q, const Value& v) {
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo: return v.is_string() && q.find_option(v.str());
    case QuestionType::Multiple: {
      if (!v.is_list()) return false;
      const auto& l = v.list();
      bool excl = false;
      for (size_t i = 0; i < l.size(); ++i) {
        const Option* o = q.find_option(l[i]);
        if (!o) return false;
        excl = excl || o->exclusive;
        for (size_t j = 0; j < i; ++j)
          if (l[j] == l[i]) return false;
      }
      return !(excl && l.size() > 1);
    }
    case QuestionType::Rating: {
      if (!v.is_number()) return false;
      for (auto& o : q.options)
        if (o.number == v.number()) return true;
      return false;
    }
    case QuestionType::Integer: return v.is_number() && std::isfinite(v.number()) && v.number() == std::floor(v.number());
    case QuestionType::Decimal: return v.is_number() && std::isfinite(v.number());
    case QuestionType::Text:
    case QuestionType::LongText: return v.is_string();
    case QuestionType::Date: return v.is_string() && valid_date(v.str());
    case QuestionType::Info: return false;
  }
  return false;
}

std::optional<Problem> check_answer(EvalContext& ctx, const Question& q) {
  if (q.type == QuestionType::Info || !ctx.visible(q.index)) return std::nullopt;
  const Value* v = ctx.answer(q.index);
  if (!v) {
    if (q.required) return make(Problem::Required, Message("answer.required"));
    return std::nullopt;
  }
  if (!answer_format_ok(q, *v))
    return make(Problem::Format, Message(q.type == QuestionType::Date ? "answer.bad_date" : "answer.invalid"));
  if (v->is_number() && ((q.min && v->number() < *q.min) || (q.max && v->number() > *q.max)))
    return make(Problem::Range, range_message(q));
  if (q.constraint && !ctx.truthy(*q.constraint, v))
    return Problem{Problem::Constraint, Message("answer.rule"), q.constraint_message};
  return std::nullopt;
}

std::optional<Problem> check_answer(const Survey& s, const Question& q, const Answers& a) {
  EvalContext ctx(s, a);
  return check_answer(ctx, q);
}

int first_problem(const Survey& s, const Answers& a, int section) {
  EvalContext ctx(s, a);
  for (auto& q : s.questions) {
    if (section != -2 && q.section != section) continue;
    if (check_answer(ctx, q)) return q.index;
  }
  return -1;
}

void set_answer(Answers& a, std::string_view id, Value v) {
  auto it = a.find(id);
  if (it == a.end()) a.emplace(std::string(id), std::move(v));
  else it->second = std::move(v);
}

void clear_answer(Answers& a, std::string_view id) {
  auto it = a.find(id);
  if (it != a.end()) a.erase(it);
}

const Value* find_answer(const Answers& a, std::string_view id) {
  auto it = a.find(id);
  return it == a.end() ? nullptr : &it->second;
}

bool is_selected(const Question& q, const Answers& a, std::string_view value) {
  const Value* v = find_answer(a, q.id);
  if (!v) return false;
  if (v->is_string()) return v->str() == value;
  if (v->is_list()) return std::find(v->list().begin(), v->list().end(), value) != v->list().end();
  if (v->is_number()) {
    const Option* o = q.find_option(value);
    return o && q.type == QuestionType::Rating && o->number == v->number();
  }
  return false;
}

void toggle_option(const Question& q, Answers& a, std::string_view value) {
  const Option* o = q.find_option(value);
  if (!o) return;
  if (q.type == QuestionType::Rating) { set_answer(a, q.id, Value(o->number)); return; }
  if (q.type != QuestionType::Multiple) { set_answer(a, q.id, Value(std::string(value))); return; }
  const Value* cur = find_answer(a, q.id);
  std::vector<std::string> l = cur && cur->is_list() ? cur->list() : std::vector<std::string>{};
  auto it = std::find(l.begin(), l.end(), value);
  if (it != l.end()) {
    l.erase(it);
  } else if (o->exclusive) {
    l.assign(1, std::string(value));  // "none of these" replaces everything
  } else {
    l.erase(std::remove_if(l.begin(), l.end(),
                           [&](const std::string& x) { const Option* p = q.find_option(x); return !p || p->exclusive; }),
            l.end());
    l.emplace_back(value);
    // Keep the file's option order so stored answers are stable whatever the click order.
    std::vector<std::string> ordered;
    for (auto& op : q.options)
      if (std::find(l.begin(), l.end(), op.value) != l.end()) ordered.push_back(op.value);
    l = std::move(ordered);
  }
  if (l.empty()) clear_answer(a, q.id);
  else set_answer(a, q.id, Value(std::move(l)));
}

namespace {
// "1.500.000" -> "1500000" when every group after the first has three digits and one separator
// ('.', ',' or a space) is used throughout; anything else is returned as it was.
std::string ungroup_thousands(const std::string& t) {
  std::size_t i = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  std::string out = t.substr(0, i);
  char sep = 0;
  std::size_t run = 0;
  bool grouped = false;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      out += c;
      ++run;
      continue;
    }
    if (c != '.' && c != ',' && c != ' ') return t;
    if ((sep && c != sep) || run == 0 || (grouped ? run != 3 : run > 3)) return t;
    sep = c;
    grouped = true;
    run = 0;
  }
  return grouped && run == 3 ? out : t;
}
}  // namespace

Value parse_typed_input(const Question& q, std::string_view text, bool& ok) {
  ok = true;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return Value();
  switch (q.type) {
    case QuestionType::Integer:
    case QuestionType::Decimal: {
      std::string t(text);
      // Whole numbers are often written with thousands grouped ("1.500", "12 000" in Vietnamese,
      // "1,500" in English): accept groups of exactly three digits and drop the separators.
      if (q.type == QuestionType::Integer) t = ungroup_thousands(t);
      bool seen_sep = false;
      for (char& c : t) {
        if (c == ',' && q.type == QuestionType::Decimal) c = '.';  // Vietnamese decimal comma
        if (c == '.') {
          if (seen_sep || q.type == QuestionType::Integer) { ok = false; return Value(); }
          seen_sep = true;
        } else if (!((c >= '0' && c <= '9') || ((c == '-' || c == '+') && &c == &t[0]))) {
          ok = false;
          return Value();
        }
      }
      char* end = nullptr;
      double d = std::strtod(t.c_str(), &end);
      if (!end || *end != '\0' || end == t.c_str() || !std::isfinite(d)) { ok = false; return Value(); }
      // The field shows a stored number as format_value writes it; a number it can only write with an
      // exponent (1e20, 1e-7) or, for whole numbers, with a fraction would be refused when the page is
      // opened again (found by fuzz_typed), so it is refused now, while the person is typing.
      const std::string shown = format_value(Value(d));
      if (shown.find_first_of("eE") != std::string::npos ||
          (q.type == QuestionType::Integer && shown.find('.') != std::string::npos)) {
        ok = false;
        return Value();
      }
      return Value(d);
    }
    case QuestionType::Date:
      if (!valid_date(text)) { ok = false; return Value(); }
      return Value(std::string(text));
    case QuestionType::Rating: {
      const Option* o = q.find_option(text);
      if (!o) { ok = false; return Value(); }
      return Value(o->number);
    }
    default: return Value(std::string(text));
  }
}

std::string format_value(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: return {};
    case Value::Kind::Number: return json::number_text(v.number());
    case Value::Kind::String: return v.str();
    case Value::Kind::List: {
      std::string s;
      for (auto& x : v.list()) s += (s.empty() ? "" : ", ") + x;
      return s;
    }
  }
  return {};
}

namespace {
// The questions in `open` without an answer that expression e reads, directly or through computed
// values.
void open_refs(const Survey& s, EvalContext& ctx, const std::vector<char>& open, const Expr& e, int depth,
               std::vector<int>& out) {
  std::vector<int> refs;
  expression_refs(e, refs);
  const int nq = int(s.questions.size());
  for (int r : refs) {
    if (r < nq) {
      if (open[size_t(r)] && !ctx.answer(r) && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    } else if (depth < 16) {  // the loader bounds computed chains and rejects cycles
      const Computed& c = s.computed[size_t(r - nq)];
      if (c.expr) open_refs(s, ctx, open, *c.expr, depth + 1, out);
    }
  }
}

// A question that one choice decides alone (single, yes/no, rating): it has options, one of which
// will be the answer.
bool one_of_options(const Question& q) {
  return !q.options.empty() &&
         (q.type == QuestionType::Single || q.type == QuestionType::YesNo || q.type == QuestionType::Rating);
}
}  // namespace

Progress progress(const Survey& s, const Answers& a, int from) {
  EvalContext ctx(s, a);
  Progress p;
  // open: visible, or hidden only until an answer still to come (in question order: skip logic reads
  // earlier questions).
  const size_t n = s.questions.size();
  std::vector<char> open(n, 0);
  // For a question that may still come: the unanswered questions it waits on, including what those
  // wait on in turn when they are themselves still to come.
  std::vector<std::vector<int>> waits(n);
  std::vector<int> pending;  // counted pending questions, in order
  for (auto& q : s.questions) {
    const size_t i = size_t(q.index);
    if (ctx.visible(q.index)) {
      open[i] = 1;
      if (q.type == QuestionType::Info) continue;
      ++p.total;
      // An answer that breaks a rule (out of range, a constraint) is not progress: Next refuses it.
      if (ctx.answer(q.index) && !check_answer(ctx, q)) ++p.answered;
      continue;
    }
    if (!q.visible_if) continue;
    std::vector<int> refs;
    open_refs(s, ctx, open, *q.visible_if, 0, refs);
    if (refs.empty()) continue;
    open[i] = 1;
    for (size_t k = 0, direct = refs.size(); k < direct; ++k)
      for (int r : waits[size_t(refs[k])])
        if (std::find(refs.begin(), refs.end(), r) == refs.end()) refs.push_back(r);
    waits[i] = std::move(refs);
    if (q.type != QuestionType::Info && q.index > from) pending.push_back(q.index);
  }
  // Questions that wait on one choice still to be made, a choice on screen now, cannot all come: one
  // answer will be given (the old-province question of each of 34 provinces: one is asked). They
  // count as many as the option showing the most of them, so N is what one person can be asked at
  // most, and still only shrinks as answers come.
  std::vector<char> done(n, 0);
  for (int qi : pending) {
    if (done[size_t(qi)]) continue;
    const std::vector<int>& w = waits[size_t(qi)];
    const Question& guard = s.questions[size_t(w[0])];
    if (w.size() != 1 || !waits[size_t(w[0])].empty() || !one_of_options(guard)) {
      ++p.pending;
      continue;
    }
    std::vector<int> group;
    for (int qj : pending)
      if (waits[size_t(qj)] == w) group.push_back(qj), done[size_t(qj)] = 1;
    int most = 0;
    Answers chosen = a;  // the guard has no answer yet: each option in turn replaces the last
    for (const Option& o : guard.options) {
      toggle_option(guard, chosen, o.value);
      EvalContext c2(s, chosen);
      int shown = 0;
      for (int qj : group) shown += c2.visible(qj) ? 1 : 0;
      most = std::max(most, shown);
    }
    p.pending += most;
  }
  return p;
}

}  // namespace dr

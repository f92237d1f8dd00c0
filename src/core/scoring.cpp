#include "core/scoring.hpp"

#include <algorithm>

#include "core/expr.hpp"
#include "core/same_bytes.hpp"

namespace dr {

namespace {

#if defined(__GNUC__)
#define DR_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define DR_ALWAYS_INLINE inline
#endif

// question_fraction without the optional, inlined into score()'s loop (GCC keeps it out of line
// otherwise, and the call costs as much as a yes/no lookup). False = contributes nothing.
DR_ALWAYS_INLINE bool fraction(const Question& q, const Value& v, double& f) {
  auto give = [&](double x) { f = x; return true; };
  if (q.knowledge()) {
    // Exactly the right set, order ignored.
    if (v.is_string()) return give(q.correct.size() == 1 && same_bytes(q.correct[0], v.str()) ? 1.0 : 0.0);
    if (!v.is_list()) return false;
    const auto& l = v.list();
    if (l.size() != q.correct.size()) return give(0.0);
    for (auto& c : q.correct)
      if (std::none_of(l.begin(), l.end(), [&](const std::string& x) { return same_bytes(x, c); })) return give(0.0);
    return give(1.0);
  }
  if (!(q.full_score > 0)) return false;
  double got = 0;
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo: {
      const Option* o = v.is_string() ? q.find_option(v.str()) : nullptr;
      if (!o) return false;
      got = o->score;
      break;
    }
    case QuestionType::Rating: {
      const Option* o = nullptr;
      if (v.is_number()) {
        for (auto& op : q.options)
          if (op.number == v.number()) { o = &op; break; }
      } else if (v.is_string()) {
        o = q.find_option(v.str());
      }
      if (!o) return false;
      got = o->score;
      break;
    }
    case QuestionType::Multiple: {
      if (!v.is_list()) return false;
      for (auto& x : v.list()) {
        const Option* o = q.find_option(x);
        if (!o) return false;
        got += o->score;
      }
      break;
    }
    default: return false;
  }
  return give(std::clamp(got / q.full_score, 0.0, 1.0));
}

// Format version 2: the advice entry with the highest min <= the shown percent among those whose
// `when` holds (equal mins: the last in file order).
const Text* advice_v2(const Dimension& d, double shown, EvalContext& ctx) {
  const Text* best = nullptr;
  for (auto& a : d.advice)
    if (a.min <= shown && (!a.when || ctx.truthy(*a.when))) best = &a.text;
  return best;
}

// Highest level with min <= overall whose `requires` (format_version 2) holds.
int level_for(const Survey& s, double overall, EvalContext& ctx) {
  const double p = compared_percent(s, overall);
  int level = -1;
  for (size_t i = 0; i < s.levels.size(); ++i)
    if (s.levels[i].min <= p && (!s.levels[i].requires_expr || ctx.truthy(*s.levels[i].requires_expr))) level = int(i);
  return level;
}

}  // namespace

std::optional<double> question_fraction(const Question& q, const Value& v) {
  double f;
  if (!fraction(q, v, f)) return std::nullopt;
  return f;
}

Scores score(const Survey& s, const Answers& a) {
  EvalContext ctx(s, a);
  return score(ctx, s);
}

Scores score(EvalContext& ctx, const Survey& s) {
  Scores out;
  const size_t nd = s.dimensions.size();
  out.dimensions.resize(nd);
  for (size_t i = 0; i < nd; ++i) {
    out.dimensions[i].dimension = int(i);
    out.dimensions[i].id = s.dimensions[i].id;
  }
  // Format version 2: silence is not skill, a visible question without a usable answer counts 0.
  const bool silence_is_zero = s.format_version >= 2;
  for (const Question& q : s.questions) {
    if (!q.scored()) continue;
    DimensionScore& d = out.dimensions[size_t(q.dimension_index)];
    if (q.visible_if && !ctx.visible(q.index)) {  // hidden: out of both sums, or 0 if the survey says so
      if (q.zero_when_hidden) d.weight_sum += q.weight;
      continue;
    }
    const Value* v = ctx.answer(q.index);
    double f;
    if (!v || !fraction(q, *v, f)) {
      // Version 1: out of both sums. A question that can never score stays out in both versions.
      if (silence_is_zero && (q.knowledge() || q.full_score > 0)) d.weight_sum += q.weight;
      continue;
    }
    d.weight_sum += q.weight;
    d.earned += q.weight * f;
    ++d.answered;
    if (q.knowledge()) {
      // Reserved on first use: no allocation for answer sets without knowledge items, and no
      // regrowth after (surveys have a handful).
      if (out.knowledge.empty()) out.knowledge.reserve(8);
      out.knowledge.push_back(KnowledgeItem{q.index, f == 1.0, OptionValues(q.correct)});
    }
  }
  double wsum = 0, acc = 0;
  for (size_t i = 0; i < nd; ++i) {
    DimensionScore& d = out.dimensions[i];
    if (!(d.weight_sum > 0)) continue;
    d.percent = 100.0 * d.earned / d.weight_sum;
    d.advice = silence_is_zero ? advice_v2(s.dimensions[i], shown_percent(*d.percent), ctx)
                               : s.dimensions[i].advice_for(*d.percent);
    wsum += s.dimensions[i].weight;
    acc += s.dimensions[i].weight * *d.percent;
  }
  if (wsum > 0) {
    out.overall = acc / wsum;
    out.level = level_for(s, *out.overall, ctx);
  }
  std::vector<int>& scored = out.weakest;
  for (size_t i = 0; i < nd; ++i) {
    const auto& p = out.dimensions[i].percent;
    if (!p) continue;
    const bool strength = is_strength(s, *p);
    if (strength) {
      if (out.strengths.empty()) out.strengths.reserve(nd);
      out.strengths.push_back(int(i));
      if (silence_is_zero) continue;  // version 2: a strength is never also given remedial advice
    }
    if (scored.empty()) scored.reserve(nd);  // one allocation, and none when nothing was scored
    // Insertion sort: stable (ties keep file order) and, unlike stable_sort, needs no buffer.
    size_t j = scored.size();
    scored.push_back(int(i));
    for (; j > 0 && *p < *out.dimensions[size_t(scored[j - 1])].percent; --j) scored[j] = scored[j - 1];
    scored[j] = int(i);
  }
  if (scored.size() > 3) scored.resize(3);
  return out;
}

}  // namespace dr

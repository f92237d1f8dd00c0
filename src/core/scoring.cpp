#include "core/scoring.hpp"

#include <algorithm>

#include "core/expr.hpp"

namespace dr {

std::optional<double> question_fraction(const Question& q, const Value& v) {
  if (q.knowledge()) {
    // Exactly the right set, order ignored.
    if (v.is_string()) return q.correct.size() == 1 && q.correct[0] == v.str() ? 1.0 : 0.0;
    if (!v.is_list()) return std::nullopt;
    const auto& l = v.list();
    if (l.size() != q.correct.size()) return 0.0;
    for (auto& c : q.correct)
      if (std::find(l.begin(), l.end(), c) == l.end()) return 0.0;
    return 1.0;
  }
  if (!(q.full_score > 0)) return std::nullopt;
  double got = 0;
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo: {
      const Option* o = v.is_string() ? q.find_option(v.str()) : nullptr;
      if (!o) return std::nullopt;
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
      if (!o) return std::nullopt;
      got = o->score;
      break;
    }
    case QuestionType::Multiple: {
      if (!v.is_list()) return std::nullopt;
      for (auto& x : v.list()) {
        const Option* o = q.find_option(x);
        if (!o) return std::nullopt;
        got += o->score;
      }
      break;
    }
    default: return std::nullopt;
  }
  return std::clamp(got / q.full_score, 0.0, 1.0);
}

Scores score(const Survey& s, const Answers& a) {
  Scores out;
  out.dimensions.resize(s.dimensions.size());
  for (size_t i = 0; i < s.dimensions.size(); ++i) {
    out.dimensions[i].dimension = int(i);
    out.dimensions[i].id = s.dimensions[i].id;
  }
  out.knowledge.reserve(8);  // avoids regrowth on the hot path; surveys have a handful
  out.weakest.reserve(s.dimensions.size());
  EvalContext ctx(s, a);
  for (const Question& q : s.questions) {
    if (!q.scored()) continue;
    const Value* v = ctx.answer(q.index);
    if (!v || !ctx.visible(q.index)) continue;  // unanswered or hidden: out of both sums
    auto f = question_fraction(q, *v);
    if (!f) continue;
    DimensionScore& d = out.dimensions[size_t(q.dimension_index)];
    d.weight_sum += q.weight;
    d.earned += q.weight * *f;
    ++d.answered;
    if (q.knowledge()) out.knowledge.push_back({q.index, *f == 1.0, q.correct});
  }
  double wsum = 0, acc = 0;
  for (size_t i = 0; i < out.dimensions.size(); ++i) {
    DimensionScore& d = out.dimensions[i];
    if (!(d.weight_sum > 0)) continue;
    d.percent = 100.0 * d.earned / d.weight_sum;
    d.advice = s.dimensions[i].advice_for(*d.percent);
    wsum += s.dimensions[i].weight;
    acc += s.dimensions[i].weight * *d.percent;
  }
  if (wsum > 0) {
    out.overall = acc / wsum;
    for (size_t i = 0; i < s.levels.size(); ++i)
      if (s.levels[i].min <= *out.overall) out.level = int(i);
  }
  std::vector<int>& scored = out.weakest;
  for (size_t i = 0; i < out.dimensions.size(); ++i)
    if (out.dimensions[i].percent) {
      scored.push_back(int(i));
      if (*out.dimensions[i].percent >= s.strength_min) out.strengths.push_back(int(i));
    }
  // stable_sort keeps file order among ties.
  std::stable_sort(scored.begin(), scored.end(), [&](int x, int y) {
    return *out.dimensions[size_t(x)].percent < *out.dimensions[size_t(y)].percent;
  });
  if (scored.size() > 3) scored.resize(3);
  return out;
}

}  // namespace dr

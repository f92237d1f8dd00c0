// score() takes shortcuts (answers matched by a merge, memoised visibility, bare-${id} skip logic read
// directly). Check it against a plain reference on random, often malformed, answer sets.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "core/expr.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {

// visible_if through the general tree walk: wrapping the source defeats the bare-reference shortcut,
// and a fresh context per question shares no memo with the one under test.
bool ref_visible(const Survey& s, const Question& q, const Answers& a) {
  if (q.visible_if_src.empty()) return true;
  auto p = parse_expression("(" + q.visible_if_src + ") and true");
  EXPECT_TRUE(p.expr) << p.error;
  EXPECT_EQ(resolve_expression(*p.expr, s, false), "");
  EvalContext ctx(s, a);
  return ctx.truthy(*p.expr);
}

// A condition (level requires, advice when) through a fresh context; true when absent.
bool ref_holds(const Survey& s, const ExprPtr& e, const Answers& a) {
  if (!e) return true;
  EvalContext ctx(s, a);
  return ctx.truthy(*e);
}

// The scoring rules written out directly: map lookups, optionals, stable_sort.
// Format version 2 (docs/survey-format.md): silence counts 0, thresholds on the shown whole
// percentage, level requires, advice when, strengths not advised.
Scores ref_score(const Survey& s, const Answers& a) {
  const bool v2 = s.format_version == 2;
  auto compared = [&](double p) { return v2 ? std::round(std::round(p * 100) / 100) : p; };
  Scores out;
  for (size_t i = 0; i < s.dimensions.size(); ++i) {
    DimensionScore d;
    d.dimension = int(i);
    d.id = s.dimensions[i].id;
    out.dimensions.push_back(d);
  }
  for (const Question& q : s.questions) {
    if (!q.scored()) continue;
    DimensionScore& d = out.dimensions[size_t(q.dimension_index)];
    if (!ref_visible(s, q, a)) {
      if (q.zero_when_hidden) d.weight_sum += q.weight;
      continue;
    }
    const Value* v = find_answer(a, q.id);
    std::optional<double> f;
    if (v && v->answered()) f = question_fraction(q, *v);
    if (!f) {
      if (v2 && (q.knowledge() || q.full_score > 0)) d.weight_sum += q.weight;
      continue;
    }
    d.weight_sum += q.weight;
    d.earned += q.weight * *f;
    d.answered++;
    if (q.knowledge()) out.knowledge.push_back(KnowledgeItem{q.index, *f == 1.0, OptionValues(q.correct)});
  }
  std::vector<std::pair<double, double>> parts;  // (weight, percent) of scored dimensions, file order
  for (DimensionScore& d : out.dimensions)
    if (d.weight_sum > 0) {
      const Dimension& dim = s.dimensions[size_t(d.dimension)];
      d.percent = 100.0 * d.earned / d.weight_sum;
      d.advice = nullptr;
      for (const Advice& ad : dim.advice)
        if (ad.min <= compared(*d.percent) && (!v2 || ref_holds(s, ad.when, a))) d.advice = &ad.text;
      parts.emplace_back(dim.weight, *d.percent);
    }
  double wsum = 0, acc = 0;
  for (auto& [w, p] : parts) {
    wsum += w;
    acc += w * p;
  }
  if (wsum > 0) {
    out.overall = acc / wsum;
    for (const Level& l : s.levels)
      if (l.min <= compared(*out.overall) && (!v2 || ref_holds(s, l.requires_expr, a)))
        out.level = int(&l - s.levels.data());
  }
  for (size_t i = 0; i < out.dimensions.size(); ++i) {
    if (!out.dimensions[i].percent) continue;
    const bool strength = compared(*out.dimensions[i].percent) >= s.strength_min;
    if (strength) out.strengths.push_back(int(i));
    if (!(v2 && strength)) out.weakest.push_back(int(i));
  }
  std::stable_sort(out.weakest.begin(), out.weakest.end(),
                   [&](int x, int y) { return *out.dimensions[size_t(x)].percent < *out.dimensions[size_t(y)].percent; });
  if (out.weakest.size() > 3) out.weakest.resize(3);
  return out;
}

bool same_double(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

void expect_same(const Scores& got, const Scores& want, const std::string& where) {
  ASSERT_EQ(got.dimensions.size(), want.dimensions.size()) << where;
  for (size_t i = 0; i < got.dimensions.size(); ++i) {
    const DimensionScore &g = got.dimensions[i], &w = want.dimensions[i];
    EXPECT_EQ(g.dimension, w.dimension) << where;
    EXPECT_EQ(g.id, w.id) << where;
    ASSERT_EQ(bool(g.percent), bool(w.percent)) << where << " dimension " << i;
    if (g.percent) EXPECT_TRUE(same_double(*g.percent, *w.percent)) << where << " dimension " << i;
    EXPECT_EQ(g.advice, w.advice) << where;
    EXPECT_TRUE(same_double(g.weight_sum, w.weight_sum)) << where;
    EXPECT_TRUE(same_double(g.earned, w.earned)) << where;
    EXPECT_EQ(g.answered, w.answered) << where;
  }
  ASSERT_EQ(bool(got.overall), bool(want.overall)) << where;
  if (got.overall) EXPECT_TRUE(same_double(*got.overall, *want.overall)) << where;
  EXPECT_EQ(got.level, want.level) << where;
  EXPECT_EQ(got.weakest, want.weakest) << where;
  EXPECT_EQ(got.strengths, want.strengths) << where;
  ASSERT_EQ(got.knowledge.size(), want.knowledge.size()) << where;
  for (size_t i = 0; i < got.knowledge.size(); ++i) {
    EXPECT_EQ(got.knowledge[i].question, want.knowledge[i].question) << where;
    EXPECT_EQ(got.knowledge[i].right, want.knowledge[i].right) << where;
    EXPECT_EQ(got.knowledge[i].correct, want.knowledge[i].correct.list()) << where;
  }
}

// Valid answers most of the time, else the shapes a hand-edited or old file might hold.
Value random_value(const Question& q, std::mt19937& rng) {
  auto option = [&]() -> std::string { return q.options.empty() ? "x" : q.options[rng() % q.options.size()].value; };
  switch (rng() % 10) {
    case 0: return Value();
    case 1: return Value(std::string());
    case 2: return Value(std::vector<std::string>{});
    case 3: return Value(double(int(rng() % 7) - 1));
    case 4: return Value(std::string(rng() % 2 ? "no" : "3"));
    case 5: return Value(std::vector<std::string>{option(), option()});
    case 6: return Value(std::string("not_an_option"));
    default: break;
  }
  if (q.type == QuestionType::Rating && !q.options.empty()) return Value(q.options[rng() % q.options.size()].number);
  if (q.type == QuestionType::Multiple) {
    std::vector<std::string> l;
    for (auto& o : q.options)
      if (rng() % 2) l.push_back(o.value);
    return Value(l);
  }
  return Value(option());
}

void check_survey(const Survey& s, unsigned seed, int n) {
  std::mt19937 rng(seed);
  for (int i = 0; i < n; ++i) {
    Answers a;
    for (auto& q : s.questions)
      if (rng() % 5) a[q.id] = random_value(q, rng);
    if (rng() % 3 == 0) a["aaa_not_in_survey"] = 1;  // ids outside the survey, both ends of the merge
    if (rng() % 3 == 0) a["zzz_not_in_survey"] = "yes";
    expect_same(score(s, a), ref_score(s, a), s.id + " #" + std::to_string(i));
    if (::testing::Test::HasFailure()) return;  // one report, not hundreds
  }
}

}  // namespace

TEST(ScoringFast, MatchesReferenceOnBundledSurveys) {
  for (const char* f : {"household-digital-skills.json", "ecommerce-readiness.json", "online-payment.json",
                        "sme-dx-readiness.json"}) {
    auto r = load_survey(drt::read_file(std::string(DR_SURVEY_DIR) + "/" + f), f);
    ASSERT_TRUE(r.ok()) << f;
    check_survey(*r.survey, 11, 400);
  }
  check_survey(*drt::mini(), 12, 400);
  check_survey(*drt::mini_v2(), 13, 400);
}

// Bare ${id} skip logic on each kind of answer, and a chain through a hidden question.
TEST(ScoringFast, BareReferenceVisibility) {
  const char* json = R"({
    "format": "digiready-survey", "format_version": 1, "id": "bare", "version": "1", "languages": ["en"],
    "title": {"en": "t"},
    "dimensions": [{"id": "d", "title": {"en": "d"}}],
    "levels": [{"id": "l", "min": 0, "label": {"en": "l"}}],
    "computed": [{"id": "big", "expr": "${n} > 2"}],
    "sections": [{"id": "s", "title": {"en": "s"}, "questions": [
      {"id": "yn", "type": "yesno", "title": {"en": "q"}, "dimension": "d"},
      {"id": "n", "type": "integer", "title": {"en": "q"}},
      {"id": "txt", "type": "text", "title": {"en": "q"}},
      {"id": "m", "type": "multiple", "title": {"en": "q"},
       "options": [{"value": "a", "label": {"en": "a"}}, {"value": "b", "label": {"en": "b"}}]},
      {"id": "on_yn", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${yn}"},
      {"id": "on_n", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${n}"},
      {"id": "on_txt", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${txt}"},
      {"id": "on_m", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${m}"},
      {"id": "on_big", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${big}"},
      {"id": "on_on_yn", "type": "yesno", "title": {"en": "q"}, "dimension": "d", "visible_if": "${on_yn}"}
    ]}]})";
  auto r = load_survey(json, "bare.json");
  for (auto& e : r.errors) ADD_FAILURE() << e;
  ASSERT_TRUE(r.ok());
  const Survey& s = *r.survey;
  check_survey(s, 13, 2000);

  Answers a;
  for (const char* id : {"on_yn", "on_n", "on_txt", "on_m", "on_big", "on_on_yn"}) a[id] = "yes";
  a["yn"] = "no";  // a bare yes/no "no" hides, and so hides what hangs off the hidden question
  a["n"] = 0;
  a["txt"] = "no";  // "no" hides only for yes/no questions
  a["m"] = std::vector<std::string>{"a"};
  EXPECT_EQ(score(s, a).dimensions[0].answered, 3);  // yn, on_txt, on_m
  a["yn"] = "yes";
  a["n"] = 3;
  EXPECT_EQ(score(s, a).dimensions[0].answered, 7);
}

// Surveys larger than the evaluator's inline buffers take the heap path.
TEST(ScoringFast, ManyQuestions) {
  std::string qs, comp;
  for (int i = 0; i < 90; ++i) {
    std::string id = "q" + std::to_string(i);
    qs += std::string(i ? "," : "") + R"({"id": ")" + id + R"(", "type": "yesno", "title": {"en": "q"}, "dimension": "d")" +
          (i ? R"(, "visible_if": "${c)" + std::to_string(i % 10) + R"(}")" : "") + "}";
  }
  for (int i = 0; i < 10; ++i)
    comp += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) + R"~(", "expr": "selected(${q0}, 'yes')"})~";
  std::string json = R"({"format": "digiready-survey", "format_version": 1, "id": "big", "version": "1",
    "languages": ["en"], "title": {"en": "t"}, "dimensions": [{"id": "d", "title": {"en": "d"}}],
    "levels": [{"id": "l", "min": 0, "label": {"en": "l"}}], "computed": [)" + comp +
                     R"(], "sections": [{"id": "s", "title": {"en": "s"}, "questions": [)" + qs + "]}]}";
  auto r = load_survey(json, "big.json");
  for (auto& e : r.errors) ADD_FAILURE() << e;
  ASSERT_TRUE(r.ok());
  check_survey(*r.survey, 14, 300);
  Answers a;
  for (auto& q : r.survey->questions) a[q.id] = "yes";
  EXPECT_EQ(score(*r.survey, a).dimensions[0].answered, 90);
}

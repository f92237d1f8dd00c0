// Survey loader: JSON -> Survey, with every check the format doc promises.
#include "core/survey.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "core/expr.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"

namespace dr {

const char* to_string(QuestionType t) {
  switch (t) {
    case QuestionType::Single: return "single";
    case QuestionType::Multiple: return "multiple";
    case QuestionType::YesNo: return "yesno";
    case QuestionType::Rating: return "rating";
    case QuestionType::Integer: return "integer";
    case QuestionType::Decimal: return "decimal";
    case QuestionType::Text: return "text";
    case QuestionType::LongText: return "longtext";
    case QuestionType::Date: return "date";
    case QuestionType::Info: return "info";
  }
  return "?";
}

std::optional<QuestionType> question_type_from(std::string_view s) {
  for (int i = 0; i <= int(QuestionType::Info); ++i)
    if (s == to_string(QuestionType(i))) return QuestionType(i);
  return std::nullopt;
}

double Dimension::top_advice_min() const {
  double m = 0;
  for (auto& a : advice) m = std::max(m, a.min);
  return m;
}

bool indicator_unit_ok(std::string_view unit) {
  for (const char* u : {"household", "adult", "person", "business", "payment", "product"})
    if (unit == u) return true;
  return false;
}

const Text* Dimension::advice_for(double percent) const {
  const Text* best = nullptr;
  for (auto& a : advice)
    if (a.min <= percent) best = &a.text;  // ascending: the last match has the highest min
  return best;
}

int Survey::index_of(std::string_view id) const {
  auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                             [](const auto& p, std::string_view k) { return std::string_view(p.first) < k; });
  return it != by_id.end() && it->first == id ? it->second : -1;
}

const Question* Survey::find(std::string_view id) const {
  int i = index_of(id);
  return i < 0 ? nullptr : &questions[size_t(i)];
}

int Survey::computed_index(std::string_view id) const {
  for (size_t i = 0; i < computed.size(); ++i)
    if (computed[i].id == id) return int(i);
  return -1;
}

int Survey::dimension_index(std::string_view id) const {
  for (size_t i = 0; i < dimensions.size(); ++i)
    if (dimensions[i].id == id) return int(i);
  return -1;
}

const Level* Survey::level_by_id(std::string_view id) const {
  for (auto& l : levels)
    if (l.id == id) return &l;
  return nullptr;
}

namespace {

using JV = rapidjson::Value;
using json::sv;

// Longest allowed skip-logic chain (visible_if / computed reading each other); keeps evaluation's
// recursion shallow on any input.
constexpr int kMaxChain = 64;

struct Loader {
  std::string file;
  std::vector<std::string>& errors;
  std::vector<std::string>& warnings;
  const DefaultLabels& labels;
  int format_version = 1;

  void err(const std::string& where, const std::string& msg) { errors.push_back(file + ": " + where + ": " + msg); }
  void warn(const std::string& where, const std::string& msg) { warnings.push_back(file + ": " + where + ": " + msg); }

  // `v2_known`: fields of format_version 2; in a version 1 file they are unknown, as they always were.
  void unknown_fields(const JV& o, std::initializer_list<const char*> known, const std::string& where,
                      std::initializer_list<const char*> v2_known = {}) {
    for (auto& m : o.GetObject()) {
      bool ok = false;
      for (const char* k : known)
        if (sv(m.name) == k) { ok = true; break; }
      if (format_version >= 2)
        for (const char* k : v2_known)
          if (sv(m.name) == k) { ok = true; break; }
      if (!ok) warn(where, "unknown field '" + std::string(sv(m.name)) + "' ignored");
    }
  }
  bool v2() const { return format_version >= 2; }

  const JV* member(const JV& o, const char* key) {
    auto it = o.FindMember(key);
    return it == o.MemberEnd() ? nullptr : &it->value;
  }

  bool str(const JV& o, const char* key, std::string& out, const std::string& where, bool required) {
    const JV* v = member(o, key);
    if (!v) {
      if (required) err(where, std::string("missing required field '") + key + "'");
      return false;
    }
    if (!v->IsString()) {
      err(where, std::string("field '") + key + "' must be a string, not " + json::type_name(*v));
      return false;
    }
    out = std::string(sv(*v));
    if (required && out.empty()) { err(where, std::string("field '") + key + "' must not be empty"); return false; }
    return true;
  }

  bool number(const JV& o, const char* key, double& out, const std::string& where, bool required = false) {
    const JV* v = member(o, key);
    if (!v) {
      if (required) err(where, std::string("missing required field '") + key + "'");
      return false;
    }
    if (!v->IsNumber()) {
      err(where, std::string("field '") + key + "' must be a number, not " + json::type_name(*v));
      return false;
    }
    out = v->GetDouble();
    return true;
  }

  void boolean(const JV& o, const char* key, bool& out, const std::string& where) {
    const JV* v = member(o, key);
    if (!v) return;
    if (!v->IsBool()) { err(where, std::string("field '") + key + "' must be true or false"); return; }
    out = v->GetBool();
  }

  bool text(const JV& o, const char* key, Text& out, const std::string& where, bool required = false) {
    const JV* v = member(o, key);
    if (!v) {
      if (required) err(where, std::string("missing required field '") + key + "'");
      return false;
    }
    if (v->IsString()) { out = Text::plain(std::string(sv(*v))); return true; }
    if (!v->IsObject()) {
      err(where, std::string("field '") + key + "' must be a text (string or {lang: string}), not " +
                     json::type_name(*v));
      return false;
    }
    for (auto& m : v->GetObject()) {
      if (!m.value.IsString()) {
        err(where, std::string("field '") + key + "." + std::string(sv(m.name)) + "' must be a string");
        return false;
      }
      if (m.name.GetStringLength() == 0) { err(where, std::string("field '") + key + "' has an empty language code"); return false; }
      out.items.emplace_back(std::string(sv(m.name)), std::string(sv(m.value)));
    }
    if (required && out.empty()) { err(where, std::string("field '") + key + "' has no text"); return false; }
    return true;
  }

  const JV* array(const JV& o, const char* key, const std::string& where, bool required = false) {
    const JV* v = member(o, key);
    if (!v) {
      if (required) err(where, std::string("missing required field '") + key + "'");
      return nullptr;
    }
    if (!v->IsArray()) {
      err(where, std::string("field '") + key + "' must be an array, not " + json::type_name(*v));
      return nullptr;
    }
    return v;
  }

  bool object(const JV& v, const std::string& where) {
    if (v.IsObject()) return true;
    err(where, std::string("must be an object, not ") + json::type_name(v));
    return false;
  }
};

bool id_ok(std::string_view s, bool lower_dash) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              (lower_dash ? c == '-' : (c >= 'A' && c <= 'Z'));
    if (!ok) return false;
  }
  return true;
}

std::string qwhere(const Question& q, const std::string& fallback) {
  return q.id.empty() ? fallback : (q.profile() ? "profile field " : "question ") + q.id;
}

void parse_options(Loader& L, const JV& o, Question& q, const std::string& where) {
  const JV* opts = L.array(o, "options", where, q.type == QuestionType::Single || q.type == QuestionType::Multiple ||
                                                    q.type == QuestionType::Rating);
  if (!opts) {
    if (q.type == QuestionType::YesNo) {
      q.options.push_back({"yes", L.labels.yes, 1, false, 0});
      q.options.push_back({"no", L.labels.no, 0, false, 0});
    }
    return;
  }
  if (!q.choice()) {
    L.warn(where, std::string("options ignored on a ") + to_string(q.type) + " question");
    return;
  }
  if (opts->Empty()) L.err(where, "options must not be empty");
  for (rapidjson::SizeType i = 0; i < opts->Size(); ++i) {
    const JV& ov = (*opts)[i];
    std::string ow = where + " option " + std::to_string(i + 1);
    if (!L.object(ov, ow)) continue;
    Option op;
    if (L.str(ov, "value", op.value, ow, true)) ow = where + " option '" + op.value + "'";
    L.text(ov, "label", op.label, ow, true);
    L.number(ov, "score", op.score, ow);
    if (!std::isfinite(op.score)) L.err(ow, "score must be finite");
    L.boolean(ov, "exclusive", op.exclusive, ow);
    if (op.exclusive && q.type != QuestionType::Multiple) L.warn(ow, "'exclusive' only applies to multiple questions");
    if (q.type == QuestionType::Rating && !op.value.empty()) {
      char* end = nullptr;
      op.number = std::strtod(op.value.c_str(), &end);
      if (!end || *end != '\0' || !std::isfinite(op.number)) L.err(ow, "a rating option's value must be a number, e.g. \"3\"");
    }
    L.unknown_fields(ov, {"value", "label", "score", "exclusive"}, ow);
    for (auto& prev : q.options)
      if (!op.value.empty() && prev.value == op.value) L.err(ow, "duplicate option value '" + op.value + "'");
    q.options.push_back(std::move(op));
  }
}

void parse_question(Loader& L, const JV& v, Question& q, const std::string& pos) {
  if (!L.object(v, pos)) return;
  if (L.str(v, "id", q.id, pos, true) && !id_ok(q.id, false))
    L.err(pos, "id '" + q.id + "' may only use letters, digits and _");
  std::string where = qwhere(q, pos);
  std::string type;
  if (L.str(v, "type", type, where, true)) {
    auto t = question_type_from(type);
    if (!t) L.err(where, "unknown type '" + type + "'");
    else q.type = *t;
  }
  L.text(v, "title", q.title, where, true);
  L.text(v, "help", q.help, where);
  L.boolean(v, "required", q.required, where);
  L.boolean(v, "zero_when_hidden", q.zero_when_hidden, where);
  if (L.v2()) L.boolean(v, "indicator", q.indicator, where);
  if (q.required && q.type == QuestionType::Info) L.err(where, "an info item cannot be required");
  L.str(v, "visible_if", q.visible_if_src, where, false);
  L.str(v, "constraint", q.constraint_src, where, false);
  L.text(v, "constraint_message", q.constraint_message, where);
  if (L.str(v, "dimension", q.dimension, where, false) && !q.dimension.empty()) {
    if (!q.choice()) L.err(where, "only single, multiple, yesno and rating questions can have a dimension");
  }
  if (L.number(v, "weight", q.weight, where) && !(q.weight >= 0 && std::isfinite(q.weight)))
    L.err(where, "weight must be a number >= 0");
  parse_options(L, v, q, where);
  double d;
  if (L.number(v, "min", d, where)) q.min = d;
  if (L.number(v, "max", d, where)) q.max = d;
  if ((q.min || q.max) && q.type != QuestionType::Integer && q.type != QuestionType::Decimal)
    L.warn(where, "min/max only apply to integer and decimal questions");
  if (q.min && q.max && *q.min > *q.max) L.err(where, "min is greater than max");
  if (L.number(v, "max_score", d, where)) {
    if (q.type != QuestionType::Multiple) L.warn(where, "max_score only applies to multiple questions");
    else if (!(d > 0)) L.err(where, "max_score must be > 0");
    else q.max_score = d;
  }
  L.text(v, "unit", q.unit, where);
  L.text(v, "placeholder", q.placeholder, where);
  if (const JV* c = L.array(v, "correct", where)) {
    if (q.type != QuestionType::Single && q.type != QuestionType::Multiple && q.type != QuestionType::YesNo)
      L.err(where, "'correct' only applies to single, multiple and yesno questions");
    for (auto& e : c->GetArray()) {
      if (!e.IsString()) { L.err(where, "'correct' must list option values (strings)"); continue; }
      std::string val(sv(e));
      if (!q.find_option(val)) L.err(where, "'correct' names unknown option '" + val + "'");
      q.correct.push_back(std::move(val));
    }
    if (q.correct.empty()) L.err(where, "'correct' must not be empty");
    if (q.correct.size() > 1 && q.type != QuestionType::Multiple)
      L.err(where, "a single-choice knowledge item has exactly one correct option");
  }
  // Denominator of the question's fraction (docs: "Scoring" step 1).
  if (q.knowledge()) q.full_score = 1;
  else if (q.type == QuestionType::Multiple) {
    double sum = 0;
    for (auto& o : q.options) sum += o.score > 0 ? o.score : 0;
    q.full_score = q.max_score ? *q.max_score : sum;
  } else {
    for (auto& o : q.options) q.full_score = std::max(q.full_score, o.score);
  }
  if (q.indicator && !q.dimension.empty()) L.err(where, "an indicator question is never scored; remove 'dimension' or 'indicator'");
  if (q.indicator && q.type == QuestionType::Info) L.err(where, "an info item cannot be an indicator");
  if (q.zero_when_hidden && (q.visible_if_src.empty() || q.dimension.empty()))
    L.warn(where, "zero_when_hidden has no effect without visible_if and a dimension");
  L.unknown_fields(v, {"id", "type", "title", "help", "required", "visible_if", "constraint", "constraint_message",
                       "dimension", "weight", "options", "correct", "min", "max", "unit", "placeholder", "max_score",
                       "zero_when_hidden"},
                   where, {"indicator"});
}

void bind_expression(Loader& L, Survey& s, const std::string& src, ExprPtr& out, const std::string& where,
                     bool allow_self) {
  if (src.empty()) return;
  ExprParse p = parse_expression(src);
  if (!p.expr) { L.err(where, p.error); return; }
  std::string e = resolve_expression(*p.expr, s, allow_self);
  if (!e.empty()) { L.err(where, e); return; }
  out = std::move(p.expr);
}

// Kahn's algorithm over questions + computed values; edges = what visible_if / computed read.
void check_cycles(Loader& L, const Survey& s) {
  size_t nq = s.questions.size(), n = nq + s.computed.size();
  std::vector<std::vector<int>> reads(n);
  for (size_t i = 0; i < nq; ++i)
    if (s.questions[i].visible_if) expression_refs(*s.questions[i].visible_if, reads[i]);
  for (size_t i = 0; i < s.computed.size(); ++i)
    if (s.computed[i].expr) expression_refs(*s.computed[i].expr, reads[nq + i]);
  std::vector<std::vector<int>> readers(n);
  std::vector<int> pending(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::sort(reads[i].begin(), reads[i].end());
    reads[i].erase(std::unique(reads[i].begin(), reads[i].end()), reads[i].end());
    pending[i] = int(reads[i].size());
    for (int r : reads[i]) readers[size_t(r)].push_back(int(i));
  }
  std::vector<int> ready, chain(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (!pending[i]) ready.push_back(int(i));
  size_t done = 0;
  int longest = 0;
  while (!ready.empty()) {
    int i = ready.back();
    ready.pop_back();
    ++done;
    for (int r : readers[size_t(i)]) {
      chain[size_t(r)] = std::max(chain[size_t(r)], chain[size_t(i)] + 1);
      longest = std::max(longest, chain[size_t(r)]);
      if (--pending[size_t(r)] == 0) ready.push_back(r);
    }
  }
  auto name = [&](size_t i) {
    return i < nq ? "question " + s.questions[i].id : "computed " + s.computed[i - nq].id;
  };
  if (done < n) {
    // Pending nodes are on a cycle or downstream of one; following pending reads n times from
    // any of them is guaranteed to land on the cycle itself, which is what the message should name.
    size_t i = 0;
    while (!pending[i]) ++i;
    for (size_t step = 0; step < n; ++step)
      for (int r : reads[i])
        if (pending[size_t(r)]) { i = size_t(r); break; }
    L.err(name(i) + (i < nq ? " visible_if" : " expr"), "cycle: it depends on itself through visible_if/computed");
  } else if (longest > kMaxChain) {
    L.err("visible_if", "skip-logic chain longer than " + std::to_string(kMaxChain) + " steps");
  }
}

void parse_indicators(Loader& L, const JV& doc, Survey& s) {
  const JV* arr = L.array(doc, "indicators", "top level");
  if (!arr) return;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    const JV& v = (*arr)[i];
    std::string w = "indicators[" + std::to_string(i) + "]";
    if (!L.object(v, w)) continue;
    Indicator ind;
    if (L.str(v, "id", ind.id, w, true)) {
      w = "indicator " + ind.id;
      bool ok = std::all_of(ind.id.begin(), ind.id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      });
      if (!ok) L.err(w, "id may only use letters, digits, _ and -");
      for (auto& other : s.indicators)
        if (other.id == ind.id) L.err(w, "duplicate indicator id");
    }
    L.text(v, "title", ind.title, w, true);
    if (L.str(v, "unit", ind.unit, w, true) && !indicator_unit_ok(ind.unit))
      L.err(w, "unit '" + ind.unit + "' is not one of household, adult, person, business, payment, product");
    L.str(v, "numerator", ind.numerator_src, w, true);
    L.str(v, "denominator", ind.denominator_src, w, true);
    if (const JV* t = L.member(v, "target"); t && !t->IsNull()) {
      double d = 0;
      if (L.number(v, "target", d, w)) {
        if (!std::isfinite(d) || d < 0) L.err(w, "target must be a percentage >= 0 or null");
        else ind.target = d;
      }
    }
    L.text(v, "target_label", ind.target_label, w);
    L.str(v, "source", ind.source, w, false);
    L.text(v, "definition", ind.definition, w);
    L.unknown_fields(v, {"id", "title", "unit", "numerator", "denominator", "target", "target_label", "source", "definition"}, w);
    s.indicators.push_back(std::move(ind));
  }
}

void parse_claims(Loader& L, const JV& doc, Survey& s) {
  const JV* c = L.member(doc, "claims");
  if (!c) return;
  if (!L.object(*c, "claims")) return;
  for (auto& m : c->GetObject()) {
    std::string phrase(sv(m.name));
    if (phrase.empty()) { L.err("claims", "a phrase must not be empty"); continue; }
    if (!m.value.IsString()) { L.err("claims '" + phrase + "'", "must be an expression (string)"); continue; }
    s.claims.push_back(Claim{phrase, std::string(sv(m.value))});
  }
}

// Level `requires`, advice `when`, indicator expressions and claims: read answers, so they are bound
// once the id index exists. They are not read by visible_if, so they cannot close a cycle.
void bind_v2_expressions(Loader& L, Survey& s) {
  for (auto& l : s.levels) bind_expression(L, s, l.requires_src, l.requires_expr, "level " + l.id + " requires", false);
  for (auto& d : s.dimensions)
    for (auto& a : d.advice)
      bind_expression(L, s, a.when_src, a.when, "dimension " + d.id + " advice (min " + json::number_text(a.min) + ") when", false);
  for (auto& ind : s.indicators) {
    bind_expression(L, s, ind.numerator_src, ind.numerator, "indicator " + ind.id + " numerator", false);
    bind_expression(L, s, ind.denominator_src, ind.denominator, "indicator " + ind.id + " denominator", false);
  }
  for (auto& c : s.claims) {
    ExprPtr unused;
    bind_expression(L, s, c.expr_src, unused, "claims '" + c.phrase + "'", false);
  }
}

}  // namespace

LoadResult load_survey(std::string_view text, std::string_view file_name, const DefaultLabels& labels) {
  LoadResult out;
  Loader L{std::string(file_name), out.errors, out.warnings, labels};
  rapidjson::Document doc;
  std::string perr;
  if (!json::parse(text, kMaxSurveyBytes, kMaxJsonDepth, file_name, doc, perr)) {
    out.errors.push_back(perr);
    return out;
  }
  if (!doc.IsObject()) {
    L.err("top level", std::string("must be an object, not ") + json::type_name(doc));
    return out;
  }
  auto s = std::make_shared<Survey>();
  s->file_name = std::string(file_name);
  const std::string top = "top level";
  std::string format;
  if (L.str(doc, "format", format, top, true) && format != "digiready-survey")
    L.err(top, "format is '" + format + "', expected 'digiready-survey'");
  double fv = 0;
  if (L.number(doc, "format_version", fv, top, true) && fv != 1 && fv != 2)
    L.err(top, "format_version " + json::number_text(fv) + " is not supported (this app reads 1 and 2)");
  if (fv == 2) L.format_version = s->format_version = 2;
  if (L.str(doc, "id", s->id, top, true) && !id_ok(s->id, true))
    L.err(top, "id '" + s->id + "' may only use a-z, 0-9, _ and -");
  if (!s->id.empty()) L.file += " (survey " + s->id + ")";
  L.str(doc, "version", s->version, top, true);
  if (const JV* langs = L.array(doc, "languages", top, true)) {
    for (auto& l : langs->GetArray()) {
      if (!l.IsString() || l.GetStringLength() == 0) { L.err(top, "languages must be non-empty strings"); continue; }
      s->languages.emplace_back(sv(l));
    }
    if (s->languages.empty()) L.err(top, "languages must not be empty");
  }
  L.text(doc, "title", s->title, top, true);
  L.text(doc, "description", s->description, top);
  L.text(doc, "intro", s->intro, top);
  L.text(doc, "consent", s->consent, top);
  double minutes = 0;
  if (L.number(doc, "minutes", minutes, top)) s->minutes = int(std::clamp(minutes, 0.0, 100000.0));
  L.number(doc, "strength_min", s->strength_min, top);

  if (const JV* src = L.array(doc, "sources", top)) {
    for (rapidjson::SizeType i = 0; i < src->Size(); ++i) {
      std::string w = "sources[" + std::to_string(i) + "]";
      if (!L.object((*src)[i], w)) continue;
      Source so;
      L.str((*src)[i], "id", so.id, w, true);
      L.str((*src)[i], "citation", so.citation, w, false);
      L.unknown_fields((*src)[i], {"id", "citation"}, w);
      s->sources.push_back(std::move(so));
    }
  }

  if (const JV* dims = L.array(doc, "dimensions", top)) {
    for (rapidjson::SizeType i = 0; i < dims->Size(); ++i) {
      const JV& dv = (*dims)[i];
      std::string w = "dimensions[" + std::to_string(i) + "]";
      if (!L.object(dv, w)) continue;
      Dimension d;
      if (L.str(dv, "id", d.id, w, true)) w = "dimension " + d.id;
      if (s->dimension_index(d.id) >= 0) L.err(w, "duplicate dimension id");
      L.text(dv, "title", d.title, w, true);
      if (L.number(dv, "weight", d.weight, w) && !(d.weight >= 0 && std::isfinite(d.weight)))
        L.err(w, "weight must be a number >= 0");
      L.str(dv, "source", d.source, w, false);
      if (const JV* adv = L.array(dv, "advice", w)) {
        for (auto& av : adv->GetArray()) {
          if (!L.object(av, w + " advice")) continue;
          Advice a;
          L.number(av, "min", a.min, w + " advice", true);
          L.text(av, "text", a.text, w + " advice", true);
          if (L.v2()) L.str(av, "when", a.when_src, w + " advice", false);
          L.unknown_fields(av, {"min", "text"}, w + " advice", {"when"});
          d.advice.push_back(std::move(a));
        }
        std::stable_sort(d.advice.begin(), d.advice.end(), [](auto& a, auto& b) { return a.min < b.min; });
      }
      L.unknown_fields(dv, {"id", "title", "weight", "source", "advice"}, w);
      s->dimensions.push_back(std::move(d));
    }
  }

  if (const JV* lv = L.array(doc, "levels", top)) {
    for (rapidjson::SizeType i = 0; i < lv->Size(); ++i) {
      const JV& v = (*lv)[i];
      std::string w = "levels[" + std::to_string(i) + "]";
      if (!L.object(v, w)) continue;
      Level l;
      if (L.str(v, "id", l.id, w, true)) w = "level " + l.id;
      if (s->level_by_id(l.id)) L.err(w, "duplicate level id");
      L.number(v, "min", l.min, w, true);
      L.text(v, "label", l.label, w, true);
      L.text(v, "description", l.description, w);
      if (L.v2()) L.str(v, "requires", l.requires_src, w, false);
      L.unknown_fields(v, {"id", "min", "label", "description"}, w, {"requires"});
      if (s->levels.empty() && l.min != 0) L.err(w, "the first level must have min 0");
      if (s->levels.empty() && !l.requires_src.empty()) L.err(w, "the first level cannot have 'requires' (every result needs a level)");
      if (!s->levels.empty() && !(l.min > s->levels.back().min)) L.err(w, "levels must be in ascending min order");
      s->levels.push_back(std::move(l));
    }
  }

  // Questions: profile first, then sections, all in one vector.
  if (const JV* prof = L.array(doc, "profile", top)) {
    for (rapidjson::SizeType i = 0; i < prof->Size(); ++i) {
      Question q;
      q.index = int(s->questions.size());
      q.section = -1;
      parse_question(L, (*prof)[i], q, "profile[" + std::to_string(i) + "]");
      if (!q.dimension.empty()) L.err(qwhere(q, ""), "profile fields are never scored; remove 'dimension'");
      s->profile.push_back(q.index);
      s->questions.push_back(std::move(q));
    }
  }
  if (const JV* secs = L.array(doc, "sections", top, true)) {
    if (secs->Empty()) L.err(top, "sections must not be empty");
    for (rapidjson::SizeType i = 0; i < secs->Size(); ++i) {
      const JV& sv_ = (*secs)[i];
      std::string w = "sections[" + std::to_string(i) + "]";
      if (!L.object(sv_, w)) continue;
      Section sec;
      if (L.str(sv_, "id", sec.id, w, true)) w = "section " + sec.id;
      for (auto& other : s->sections)
        if (other.id == sec.id) L.err(w, "duplicate section id");
      L.text(sv_, "title", sec.title, w, true);
      if (const JV* qs = L.array(sv_, "questions", w, true)) {
        for (rapidjson::SizeType j = 0; j < qs->Size(); ++j) {
          Question q;
          q.index = int(s->questions.size());
          q.section = int(s->sections.size());
          parse_question(L, (*qs)[j], q, w + " questions[" + std::to_string(j) + "]");
          sec.questions.push_back(q.index);
          s->questions.push_back(std::move(q));
        }
      }
      L.unknown_fields(sv_, {"id", "title", "questions"}, w);
      s->sections.push_back(std::move(sec));
    }
  }

  if (const JV* comp = L.array(doc, "computed", top)) {
    for (rapidjson::SizeType i = 0; i < comp->Size(); ++i) {
      std::string w = "computed[" + std::to_string(i) + "]";
      if (!L.object((*comp)[i], w)) continue;
      Computed c;
      if (L.str((*comp)[i], "id", c.id, w, true)) {
        if (!id_ok(c.id, false)) L.err(w, "id '" + c.id + "' may only use letters, digits and _");
        w = "computed " + c.id;
        if (s->computed_index(c.id) >= 0) L.err(w, "duplicate computed id");
      }
      L.str((*comp)[i], "expr", c.expr_src, w, true);
      L.unknown_fields((*comp)[i], {"id", "expr"}, w);
      s->computed.push_back(std::move(c));
    }
  }

  if (L.v2()) {
    parse_indicators(L, doc, *s);
    parse_claims(L, doc, *s);
  }
  L.unknown_fields(doc, {"format", "format_version", "id", "version", "languages", "title", "description", "intro",
                         "consent", "minutes", "sources", "profile", "dimensions", "levels", "strength_min",
                         "computed", "sections"},
                   top, {"indicators", "claims"});

  // Id index; duplicates across profile and sections (and computed) are errors.
  for (auto& q : s->questions)
    if (!q.id.empty()) s->by_id.emplace_back(q.id, q.index);
  std::sort(s->by_id.begin(), s->by_id.end());
  for (size_t i = 1; i < s->by_id.size(); ++i)
    if (s->by_id[i].first == s->by_id[i - 1].first) L.err("question " + s->by_id[i].first, "duplicate question id");
  for (auto& c : s->computed)
    if (s->index_of(c.id) >= 0) L.err("computed " + c.id, "id is also a question id");

  for (auto& q : s->questions) {
    if (q.dimension.empty()) continue;
    q.dimension_index = s->dimension_index(q.dimension);
    if (q.dimension_index < 0) L.err(qwhere(q, "question"), "unknown dimension '" + q.dimension + "'");
  }

  // Expressions need the full id index, so they come last.
  for (auto& q : s->questions) {
    std::string w = qwhere(q, "question");
    bind_expression(L, *s, q.visible_if_src, q.visible_if, w + " visible_if", false);
    bind_expression(L, *s, q.constraint_src, q.constraint, w + " constraint", true);
    if (!q.constraint_src.empty() && q.type == QuestionType::Info) L.warn(w, "constraint on an info item is ignored");
  }
  for (auto& c : s->computed) bind_expression(L, *s, c.expr_src, c.expr, "computed " + c.id + " expr", false);
  bind_v2_expressions(L, *s);
  if (out.errors.empty()) check_cycles(L, *s);

  if (!out.errors.empty()) return out;
  s->sha256 = sha256_hex(json::canonical(doc));
  out.survey = std::move(s);
  return out;
}

// ---- authoring checks ----

namespace {
void need_langs(const Survey& s, const Text& t, const std::string& where, std::vector<std::string>& out) {
  if (t.empty()) return;
  for (auto& l : s.languages)
    if (!t.has(l)) out.push_back(s.file_name + ": " + where + ": missing '" + l + "' translation");
}
// A strength must sit in the top advice band, or it would also be given remedial advice.
void lint_v2(const Survey& s, std::vector<std::string>& out) {
  for (auto& d : s.dimensions) {
    // With `when`, a band at 0 may not apply; one without a condition gives every result advice.
    bool fallback = std::any_of(d.advice.begin(), d.advice.end(), [](const Advice& a) { return a.min <= 0 && !a.when; });
    if (!d.advice.empty() && !fallback)
      out.push_back(s.file_name + ": dimension " + d.id + ": no advice at min 0 without 'when' (some results would get none)");
    if (s.strength_min < d.top_advice_min())
      out.push_back(s.file_name + ": strength_min " + json::number_text(s.strength_min) + " is below dimension " + d.id +
                    "'s top advice band (min " + json::number_text(d.top_advice_min()) +
                    "): a strength would also get remedial advice");
  }
  for (auto& ind : s.indicators) {
    std::string w = "indicator " + ind.id;
    need_langs(s, ind.title, w + " title", out);
    need_langs(s, ind.target_label, w + " target_label", out);
    need_langs(s, ind.definition, w + " definition", out);
  }
}
}  // namespace

std::vector<std::string> lint_survey(const Survey& s) {
  std::vector<std::string> out;
  need_langs(s, s.title, "title", out);
  need_langs(s, s.description, "description", out);
  need_langs(s, s.intro, "intro", out);
  need_langs(s, s.consent, "consent", out);
  for (auto& d : s.dimensions) {
    std::string w = "dimension " + d.id;
    need_langs(s, d.title, w + " title", out);
    for (auto& a : d.advice) need_langs(s, a.text, w + " advice (min " + json::number_text(a.min) + ")", out);
    if (!d.advice.empty() && d.advice.front().min > 0)
      out.push_back(s.file_name + ": " + w + ": advice has no band starting at 0");
    bool used = false;
    for (auto& q : s.questions) used = used || (q.dimension == d.id);
    if (!used) out.push_back(s.file_name + ": " + w + ": no question scores this dimension");
  }
  for (auto& l : s.levels) {
    need_langs(s, l.label, "level " + l.id + " label", out);
    need_langs(s, l.description, "level " + l.id + " description", out);
    if (l.min > 100) out.push_back(s.file_name + ": level " + l.id + ": min above 100 can never be reached");
  }
  if (s.levels.empty()) out.push_back(s.file_name + ": levels: none defined, results get no level");
  if (s.format_version >= 2) lint_v2(s, out);
  for (auto& sec : s.sections) {
    need_langs(s, sec.title, "section " + sec.id + " title", out);
    if (sec.questions.empty()) out.push_back(s.file_name + ": section " + sec.id + ": has no questions");
  }
  Answers none;
  EvalContext ctx(s, none);
  for (auto& q : s.questions) {
    std::string w = (q.profile() ? "profile field " : "question ") + q.id;
    need_langs(s, q.title, w + " title", out);
    need_langs(s, q.help, w + " help", out);
    need_langs(s, q.unit, w + " unit", out);
    need_langs(s, q.placeholder, w + " placeholder", out);
    need_langs(s, q.constraint_message, w + " constraint_message", out);
    for (auto& o : q.options) need_langs(s, o.label, w + " option '" + o.value + "' label", out);
    if (q.visible_if) {
      // No answer can change an expression that reads none; if it is false now it is false forever.
      std::vector<int> refs;
      expression_refs(*q.visible_if, refs);
      if (refs.empty() && !ctx.truthy(*q.visible_if)) out.push_back(s.file_name + ": " + w + ": can never be shown (visible_if is always false)");
      for (int r : refs)
        if (r < int(s.questions.size()) && s.questions[size_t(r)].index > q.index && !s.questions[size_t(r)].profile() && !q.profile() &&
            s.questions[size_t(r)].section > q.section)
          out.push_back(s.file_name + ": " + w + ": visible_if reads '" + s.questions[size_t(r)].id +
                        "', which is asked in a later section");
    }
    if (!q.constraint_src.empty() && q.constraint_message.empty())
      out.push_back(s.file_name + ": " + w + ": constraint without constraint_message");
    if (q.scored() && !(q.full_score > 0)) out.push_back(s.file_name + ": " + w + ": can never score above 0 (no positive option score)");
    if (q.type == QuestionType::Multiple) {
      int excl = 0;
      for (auto& o : q.options) excl += o.exclusive;
      if (excl > 1) out.push_back(s.file_name + ": " + w + ": more than one exclusive option");
    }
  }
  return out;
}

}  // namespace dr

#include "core/result.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

#include "core/engine.hpp"
#include "core/expr.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"

namespace dr {

using JV = rapidjson::Value;
using W = rapidjson::Writer<rapidjson::StringBuffer>;
using json::sv;

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
#if defined(_WIN32)
  gmtime_s(&tm, &t);
#else
  gmtime_r(&t, &tm);
#endif
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string random_result_id() {
  std::random_device rd;
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 4; ++i) {
    std::uint32_t x = rd();
    for (int j = 0; j < 8; ++j) s += hex[(x >> (28 - 4 * j)) & 15];
  }
  return s;
}

Result new_result(const Survey& s, std::string lang, std::string now_iso) {
  Result r;
  r.id = random_result_id();
  r.survey_id = s.id;
  r.survey_version = s.version;
  r.survey_sha256 = s.sha256;
  r.language = std::move(lang);
  r.started = now_iso;
  r.updated = std::move(now_iso);
  r.scores = stored_scores(s, score(s, {}));
  return r;
}

Answers all_answers(const Result& r) {
  Answers a = r.answers;
  for (auto& [k, v] : r.profile) a[k] = v;
  return a;
}

namespace {
// Two decimals keeps records readable; comparisons allow for this rounding.
double round2(double x) { return std::round(x * 100.0) / 100.0; }
}  // namespace

StoredScores stored_scores(const Survey& s, const Scores& sc) {
  StoredScores out;
  for (auto& d : sc.dimensions)
    out.dimensions.emplace_back(d.id, d.percent ? std::optional<double>(round2(*d.percent)) : std::nullopt);
  if (sc.overall) out.overall = round2(*sc.overall);
  if (sc.level >= 0) out.level = s.levels[size_t(sc.level)].id;
  return out;
}

void update_result(Result& r, const Survey& s, const Answers& a, std::string now_iso) {
  EvalContext ctx(s, a);
  r.profile.clear();
  r.answers.clear();
  for (auto& [id, v] : a) {
    const Question* q = s.find(id);
    if (!q || !v.answered() || q->type == QuestionType::Info || !ctx.visible(q->index)) continue;
    (q->profile() ? r.profile : r.answers)[id] = v;
  }
  r.survey_id = s.id;
  r.survey_version = s.version;
  r.survey_sha256 = s.sha256;
  r.scores = stored_scores(s, score(s, a));
  r.updated = std::move(now_iso);
}

void complete_result(Result& r, const Survey& s, const Answers& a, std::string now_iso) {
  update_result(r, s, a, now_iso);
  r.status = Status::Complete;
  r.completed = std::move(now_iso);
}

// ---- writing ----

namespace {

void key(W& w, const char* k) { w.Key(k); }
void str(W& w, const std::string& s) { w.String(s.data(), rapidjson::SizeType(s.size())); }
void opt_num(W& w, const std::optional<double>& d) {
  if (d) json::write_number(w, *d);
  else w.Null();
}

// Keys are written already sorted, so the text is the canonical form (checksum = its hash).
std::string write_v2(const Result& r, const std::string* checksum) {
  rapidjson::StringBuffer buf;
  W w(buf);
  w.StartObject();
  key(w, "answers");
  w.StartObject();
  for (auto& [k, v] : r.answers) { w.Key(k.data(), rapidjson::SizeType(k.size())); json::write_value(w, v); }
  w.EndObject();
  key(w, "app_version"); str(w, r.app_version);
  if (checksum) { key(w, "checksum"); str(w, *checksum); }
  key(w, "completed");
  if (r.completed.empty()) w.Null(); else str(w, r.completed);
  key(w, "format"); w.String("digiready-result");
  key(w, "format_version"); w.Int(kResultFormatVersion);
  key(w, "id"); str(w, r.id);
  key(w, "language"); str(w, r.language);
  key(w, "profile");
  w.StartObject();
  for (auto& [k, v] : r.profile) { w.Key(k.data(), rapidjson::SizeType(k.size())); json::write_value(w, v); }
  w.EndObject();
  key(w, "scores");
  w.StartObject();
  key(w, "dimensions");
  w.StartObject();
  std::vector<const std::pair<std::string, std::optional<double>>*> dims;
  for (auto& d : r.scores.dimensions) dims.push_back(&d);
  std::sort(dims.begin(), dims.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (auto* d : dims) { w.Key(d->first.data(), rapidjson::SizeType(d->first.size())); opt_num(w, d->second); }
  w.EndObject();
  key(w, "level");
  if (r.scores.level.empty()) w.Null(); else str(w, r.scores.level);
  key(w, "overall"); opt_num(w, r.scores.overall);
  w.EndObject();
  key(w, "started"); str(w, r.started);
  key(w, "status"); w.String(r.status == Status::Complete ? "complete" : "draft");
  key(w, "survey");
  w.StartObject();
  key(w, "id"); str(w, r.survey_id);
  key(w, "sha256"); str(w, r.survey_sha256);
  key(w, "version"); str(w, r.survey_version);
  w.EndObject();
  key(w, "updated"); str(w, r.updated);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

std::string result_to_json(const Result& r) {
  if (r.unsealed) return write_v2(r, nullptr);
  std::string sum = sha256_hex(write_v2(r, nullptr));
  return write_v2(r, &sum);
}

std::string result_to_json_v1(const Result& r) {
  // Version 1: flat survey fields, answers as a list of {id, value}, dimension scores as a list.
  rapidjson::StringBuffer buf;
  W w(buf);
  w.StartObject();
  key(w, "format"); w.String("digiready-result");
  key(w, "format_version"); w.Int(1);
  key(w, "id"); str(w, r.id);
  key(w, "survey_id"); str(w, r.survey_id);
  key(w, "survey_version"); str(w, r.survey_version);
  key(w, "survey_sha256"); str(w, r.survey_sha256);
  key(w, "language"); str(w, r.language);
  key(w, "started"); str(w, r.started);
  key(w, "updated"); str(w, r.updated);
  key(w, "completed");
  if (r.completed.empty()) w.Null(); else str(w, r.completed);
  key(w, "status"); w.String(r.status == Status::Complete ? "complete" : "draft");
  key(w, "answers");
  w.StartArray();
  for (const Answers* m : {&r.profile, &r.answers})
    for (auto& [k, v] : *m) {
      w.StartObject();
      key(w, "id"); str(w, k);
      key(w, "value"); json::write_value(w, v);
      w.EndObject();
    }
  w.EndArray();
  key(w, "scores");
  w.StartObject();
  key(w, "dimensions");
  w.StartArray();
  for (auto& d : r.scores.dimensions) {
    w.StartObject();
    key(w, "id"); str(w, d.first);
    key(w, "percent"); opt_num(w, d.second);
    w.EndObject();
  }
  w.EndArray();
  key(w, "overall"); opt_num(w, r.scores.overall);
  key(w, "level");
  if (r.scores.level.empty()) w.Null(); else str(w, r.scores.level);
  w.EndObject();
  key(w, "app_version"); str(w, r.app_version);
  w.EndObject();
  // Checksum over the canonical form, like version 2.
  rapidjson::Document d;
  std::string err;
  json::parse({buf.GetString(), buf.GetSize()}, kMaxResultBytes, kMaxJsonDepth, "v1", d, err);
  std::string sum = sha256_hex(json::canonical(d));
  d.AddMember("checksum", rapidjson::Value(sum.c_str(), rapidjson::SizeType(sum.size()), d.GetAllocator()),
              d.GetAllocator());
  return json::canonical(d);
}

// ---- catalog ----

void SurveyCatalog::add(std::shared_ptr<const Survey> s) {
  if (s) surveys_.push_back(std::move(s));
}

std::shared_ptr<const Survey> SurveyCatalog::find(std::string_view id, std::string_view version) const {
  for (auto& s : surveys_)
    if (s->id == id && s->version == version) return s;
  return nullptr;
}

SurveyCatalog::Match SurveyCatalog::resolve(std::string_view id, std::string_view version,
                                            std::string_view sha) const {
  Match m;
  if (auto s = find(id, version)) {
    m.survey = s;
    if (!sha.empty() && s->sha256 != sha)
      m.warning = "survey " + std::string(id) + " " + std::string(version) +
                  " has changed since this result was saved (different sha256)";
    return m;
  }
  bool same_id = false;
  for (auto& s : surveys_) {
    if (s->id != id) continue;
    same_id = true;
    if (!sha.empty() && s->sha256 == sha) {
      m.survey = s;  // same content under another version label
      m.warning = "survey version '" + std::string(version) + "' not loaded; using '" + s->version +
                  "', which has the same sha256";
      return m;
    }
  }
  m.error = same_id ? "another survey version: " + std::string(id) + " '" + std::string(version) +
                          "' is not loaded and no loaded version has the same sha256"
                    : "unknown survey '" + std::string(id) + "'";
  return m;
}

// ---- reading ----

const char* to_key(ReadProblem p) {
  switch (p) {
    case ReadProblem::None: return "";
    case ReadProblem::Damaged: return "damaged";
    case ReadProblem::NotAResult: return "not_result";
    case ReadProblem::NewerApp: return "newer_app";
    case ReadProblem::Changed: return "changed";
    case ReadProblem::UnknownSurvey: return "unknown_survey";
    case ReadProblem::Invalid: return "invalid";
  }
  return "";
}

namespace {

struct Reader {
  std::string file;
  ReadResult& out;
  // The first problem found names the kind, unless a more specific one is given later.
  void err(const std::string& field, const std::string& msg, ReadProblem kind = ReadProblem::Invalid) {
    out.errors.push_back(file + ": " + field + ": " + msg);
    if (out.problem == ReadProblem::None) out.problem = kind;
  }
  void warn(const std::string& field, const std::string& msg) { out.warnings.push_back(file + ": " + field + ": " + msg); }

  const JV* get(const JV& o, const char* k) {
    auto it = o.FindMember(k);
    return it == o.MemberEnd() ? nullptr : &it->value;
  }
  bool str(const JV& o, const char* k, std::string& s, const std::string& field, bool required, bool nullable = false) {
    const JV* v = get(o, k);
    if (!v || (nullable && v->IsNull())) {
      if (required) err(field, "missing");
      return false;
    }
    if (!v->IsString()) { err(field, std::string("must be a string, not ") + json::type_name(*v)); return false; }
    s = std::string(sv(*v));
    return true;
  }
  bool opt_number(const JV* v, std::optional<double>& d, const std::string& field) {
    if (!v || v->IsNull()) { d.reset(); return true; }
    if (!v->IsNumber()) { err(field, std::string("must be a number or null, not ") + json::type_name(*v)); return false; }
    d = v->GetDouble();
    return true;
  }
  void answer(const std::string& id, const JV& v, Answers& into, const std::string& field) {
    Value val;
    if (!json::from_json(v, val)) { err(field, std::string("an answer cannot be ") + json::type_name(v)); return; }
    if (into.count(id)) { err(field, "answered twice"); return; }
    into.emplace(id, std::move(val));
  }
};

bool hex_id(const std::string& s) {
  if (s.size() != 32) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string fmt(const std::optional<double>& d) { return d ? json::number_text(*d) : "none"; }

// An answer's problem in a file's report, in words for the person fixing files (the app's own
// wording, assets/locales, speaks to the respondent: "please answer this question...").
std::string report_text(const Problem& p) {
  const Message& m = p.message;
  auto arg = [&](std::size_t i) { return i < m.args.size() ? m.args[i] : std::string(); };
  if (!p.rule.empty()) return "breaks the survey's rule: " + p.rule.get("en");
  if (m.key == "answer.required") return "required but not answered";
  if (m.key == "answer.bad_date") return "not a valid date (YYYY-MM-DD)";
  if (m.key == "answer.invalid") return "not a valid answer to this question";
  if (m.key == "answer.range") return "outside the allowed range " + arg(0) + " to " + arg(1);
  if (m.key == "answer.at_least") return "below the minimum " + arg(0);
  if (m.key == "answer.at_most") return "above the maximum " + arg(0);
  if (m.key == "answer.rule") return "breaks the survey's rule";
  return to_string(m);
}

void unknown_top(Reader& R, const JV& doc, std::initializer_list<const char*> known) {
  for (auto& m : doc.GetObject()) {
    bool ok = false;
    for (const char* k : known) ok = ok || sv(m.name) == k;
    if (!ok) R.warn(std::string(sv(m.name)), "unknown field ignored");
  }
}

}  // namespace

ReadResult read_result(std::string_view text, std::string_view file_name, const SurveyCatalog& catalog) {
  ReadResult out;
  Reader R{std::string(file_name), out};
  rapidjson::Document doc;
  std::string perr;
  if (!json::parse(text, kMaxResultBytes, kMaxJsonDepth, file_name, doc, perr)) {
    out.errors.push_back(perr);
    out.problem = ReadProblem::Damaged;
    return out;
  }
  if (!doc.IsObject()) {
    R.err("top level", std::string("must be an object, not ") + json::type_name(doc), ReadProblem::NotAResult);
    return out;
  }
  Result& r = out.result;
  std::string format;
  if (!R.get(doc, "format")) R.err("format", "missing", ReadProblem::NotAResult);
  else if (R.str(doc, "format", format, "format", true) && format != "digiready-result")
    R.err("format", "is '" + format + "', expected 'digiready-result'", ReadProblem::NotAResult);
  const JV* fv = R.get(doc, "format_version");
  int version = 0;
  if (!fv) R.err("format_version", "missing", ReadProblem::NotAResult);
  else if (!fv->IsInt()) R.err("format_version", "must be an integer", ReadProblem::NotAResult);
  else if ((version = fv->GetInt()) < 1 || version > kResultFormatVersion)
    R.err("format_version", std::to_string(version) + " is not readable by this app (reads 1 to " +
                                std::to_string(kResultFormatVersion) + ")",
          version > kResultFormatVersion ? ReadProblem::NewerApp : ReadProblem::NotAResult);
  if (!out.errors.empty()) return out;
  out.migrated = version < kResultFormatVersion;

  if (R.str(doc, "id", r.id, "id", true) && !hex_id(r.id)) R.err("id", "must be 32 lowercase hex digits");
  if (version == 1) {
    R.str(doc, "survey_id", r.survey_id, "survey_id", true);
    R.str(doc, "survey_version", r.survey_version, "survey_version", true);
    R.str(doc, "survey_sha256", r.survey_sha256, "survey_sha256", false);
  } else if (const JV* sj = R.get(doc, "survey"); !sj || !sj->IsObject()) {
    R.err("survey", sj ? "must be an object" : "missing");
  } else {
    R.str(*sj, "id", r.survey_id, "survey.id", true);
    R.str(*sj, "version", r.survey_version, "survey.version", true);
    R.str(*sj, "sha256", r.survey_sha256, "survey.sha256", false);
  }
  R.str(doc, "language", r.language, "language", true);
  R.str(doc, "started", r.started, "started", true);
  R.str(doc, "updated", r.updated, "updated", true);
  R.str(doc, "app_version", r.app_version, "app_version", false);
  std::string status;
  if (R.str(doc, "status", status, "status", true)) {
    if (status == "complete") r.status = Status::Complete;
    else if (status != "draft") R.err("status", "must be 'draft' or 'complete', not '" + status + "'");
  }
  R.str(doc, "completed", r.completed, "completed", r.status == Status::Complete, true);

  // Answers (profile split happens below once the survey is known).
  Answers raw;
  if (version == 1) {
    const JV* al = R.get(doc, "answers");
    if (!al || !al->IsArray()) R.err("answers", al ? "must be an array in format_version 1" : "missing");
    else
      for (rapidjson::SizeType i = 0; i < al->Size(); ++i) {
        const JV& e = (*al)[i];
        std::string f = "answers[" + std::to_string(i) + "]";
        const JV* id = e.IsObject() ? R.get(e, "id") : nullptr;
        if (!id || !id->IsString()) { R.err(f, "needs a string 'id'"); continue; }
        const JV* v = R.get(e, "value");
        if (!v) { R.err(f, "needs a 'value'"); continue; }
        R.answer(std::string(sv(*id)), *v, raw, "answers." + std::string(sv(*id)));
      }
  } else {
    for (const char* part : {"profile", "answers"}) {
      const JV* m = R.get(doc, part);
      if (!m || !m->IsObject()) { R.err(part, m ? "must be an object" : "missing"); continue; }
      for (auto& kv : m->GetObject())
        R.answer(std::string(sv(kv.name)), kv.value, raw, std::string(part) + "." + std::string(sv(kv.name)));
    }
  }

  // Stored scores, kept only to compare against the recomputation.
  StoredScores stored;
  bool have_scores = false;
  if (const JV* sc = R.get(doc, "scores"); sc && sc->IsObject()) {
    have_scores = true;
    R.opt_number(R.get(*sc, "overall"), stored.overall, "scores.overall");
    if (const JV* lv = R.get(*sc, "level"); lv && lv->IsString()) stored.level = std::string(sv(*lv));
    const JV* dims = R.get(*sc, "dimensions");
    if (version == 1 && dims && dims->IsArray()) {
      for (auto& d : dims->GetArray()) {
        const JV* id = d.IsObject() ? R.get(d, "id") : nullptr;
        if (!id || !id->IsString()) { R.err("scores.dimensions", "entries need a string 'id'"); continue; }
        std::optional<double> p;
        R.opt_number(R.get(d, "percent"), p, "scores.dimensions." + std::string(sv(*id)));
        stored.dimensions.emplace_back(std::string(sv(*id)), p);
      }
    } else if (version == 2 && dims && dims->IsObject()) {
      for (auto& kv : dims->GetObject()) {
        std::optional<double> p;
        R.opt_number(&kv.value, p, "scores.dimensions." + std::string(sv(kv.name)));
        stored.dimensions.emplace_back(std::string(sv(kv.name)), p);
      }
    } else if (dims) {
      R.err("scores.dimensions", "wrong type");
    }
  } else if (R.get(doc, "scores")) {
    R.err("scores", "must be an object");
  } else {
    R.warn("scores", "missing; computed from the answers");
  }

  if (version == 1)
    unknown_top(R, doc, {"format", "format_version", "id", "survey_id", "survey_version", "survey_sha256", "language",
                         "started", "updated", "completed", "status", "answers", "scores", "app_version", "checksum"});
  else
    unknown_top(R, doc, {"format", "format_version", "id", "survey", "language", "started", "updated", "completed",
                         "status", "profile", "answers", "scores", "app_version", "checksum"});

  // Checksum over the record as stored (canonical form without the checksum field).
  std::string stored_sum;
  if (const JV* c = R.get(doc, "checksum"); c && c->IsString()) stored_sum = std::string(sv(*c));
  r.checksum = stored_sum;
  r.unsealed = stored_sum.empty();
  if (r.unsealed)
    R.warn("checksum", "missing: not sealed, so nothing shows the record is unchanged since it was saved");
  else out.checksum_ok = sha256_hex(json::canonical(doc, "checksum")) == stored_sum;
  if (!stored_sum.empty() && !out.checksum_ok) {
    R.err("checksum", "does not match the content: the file was changed or damaged", ReadProblem::Changed);
    // An edit is the likely cause of anything else found wrong: say that.
    if (out.problem == ReadProblem::Invalid) out.problem = ReadProblem::Changed;
  }

  if (!out.errors.empty()) return out;

  auto match = catalog.resolve(r.survey_id, r.survey_version, r.survey_sha256);
  if (!match.survey) {
    R.err("survey", match.error, ReadProblem::UnknownSurvey);
    return out;
  }
  if (!match.warning.empty()) R.warn("survey", match.warning);
  const Survey& s = *match.survey;
  r.survey = match.survey;

  // Answers must fit the survey; split into profile and section answers.
  // What is kept of `raw` stays in it, as the answers the checks and scores read (all_answers(r),
  // without building that map again for each file).
  for (auto it = raw.begin(); it != raw.end();) {
    const std::string& id = it->first;  // not a structured binding: a lambda below names it (C++17)
    const Value& v = it->second;
    const Question* q = s.find(id);
    auto field = [&] { return (q && q->profile() ? "profile." : "answers.") + id; };  // named only when said
    bool keep = false;
    if (!q) R.err(field(), "unknown question in survey " + s.id + " " + s.version);
    else if (q->type == QuestionType::Info) R.warn(field(), "info items take no answer; ignored");
    else if (v.answered() && !answer_format_ok(*q, v)) R.err(field(), std::string("not a valid ") + to_string(q->type) + " answer");
    else keep = v.answered();
    if (!keep) {
      it = raw.erase(it);
      continue;
    }
    Answers& part = q->profile() ? r.profile : r.answers;
    part.emplace_hint(part.end(), id, v);  // in order: raw is sorted by id
    ++it;
  }
  if (!out.errors.empty()) return out;

  EvalContext ctx(s, raw);
  if (r.status == Status::Complete) {
    for (auto& q : s.questions) {
      if (!ctx.visible(q.index)) continue;
      if (auto p = check_answer(ctx, q))
        R.warn((q.profile() ? "profile." : "answers.") + q.id, report_text(*p));
    }
  }

  // Never trust stored scores: recompute and report every difference.
  r.scores = stored_scores(s, score(ctx, s));
  auto differs = [](const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() != b.has_value() || (a && std::fabs(*a - *b) > 0.0051);
  };
  if (have_scores) {
    for (auto& [id, p] : r.scores.dimensions) {
      const std::optional<double>* st = nullptr;
      for (auto& d : stored.dimensions)
        if (d.first == id) st = &d.second;
      if (!st) {
        if (p) {
          out.score_differences.push_back("dimension " + id + ": not stored, recomputed " + fmt(p));
          out.differences.push_back({ScoreDifference::Kind::Dimension, id, true, std::nullopt, p, {}, {}});
        }
      } else if (differs(*st, p)) {
        out.score_differences.push_back("dimension " + id + ": stored " + fmt(*st) + ", recomputed " + fmt(p));
        out.differences.push_back({ScoreDifference::Kind::Dimension, id, true, *st, p, {}, {}});
      }
    }
    for (auto& d : stored.dimensions)
      if (s.dimension_index(d.first) < 0) {
        out.score_differences.push_back("dimension " + d.first + ": stored but not in the survey");
        out.differences.push_back({ScoreDifference::Kind::Dimension, d.first, false, d.second, std::nullopt, {}, {}});
      }
    if (differs(stored.overall, r.scores.overall)) {
      out.score_differences.push_back("overall: stored " + fmt(stored.overall) + ", recomputed " + fmt(r.scores.overall));
      out.differences.push_back({ScoreDifference::Kind::Overall, {}, true, stored.overall, r.scores.overall, {}, {}});
    }
    if (stored.level != r.scores.level) {
      out.score_differences.push_back("level: stored " + (stored.level.empty() ? std::string("none") : stored.level) +
                                      ", recomputed " + (r.scores.level.empty() ? std::string("none") : r.scores.level));
      out.differences.push_back({ScoreDifference::Kind::Level, {}, true, {}, {}, stored.level, r.scores.level});
    }
  }
  out.ok = true;
  return out;
}

}  // namespace dr

#include "core/importer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/civil_date.hpp"
#include "core/fold.hpp"
#include "core/json.hpp"
#include "core/ndjson.hpp"

namespace dr {

const FileReport& Importer::add(std::string_view json, std::string_view file_name) {
  if (json.size() > kMaxResultBytes) return add_too_big(file_name, json.size());
  ReadResult rr = read_result(json, file_name, *catalog_);
  FileReport rep;
  rep.file = std::string(file_name);
  rep.errors = std::move(rr.errors);
  rep.warnings = std::move(rr.warnings);
  rep.score_differences = std::move(rr.score_differences);
  rep.differences = std::move(rr.differences);
  rep.problem = rr.problem;
  rep.survey_id = rr.result.survey_id;
  if (rr.ok) rep.result_id = rr.result.id;
  rep.ok = rr.ok;
  if (!rr.ok) {
    ++failed_;
  } else if (auto seen = ids_.find(rr.result.id); seen != ids_.end()) {
    rep.duplicate = true;  // the same respondent exported twice: count once
    ++duplicates_;
    add_copy(rep, std::move(rr.result), seen->second);
  } else {
    rep.unsealed = rr.result.unsealed;
    unsealed_ += rep.unsealed;
    rep.changed = !rep.score_differences.empty();
    if (rep.changed) {
      ++changed_;
      rep.warnings.push_back(rep.file + ": scores: changed after export, or another survey version");
    }
    ids_.emplace(rr.result.id, results_.size());
    first_report_.push_back(reports_.size());
    results_.push_back(std::move(rr.result));
  }
  reports_.push_back(std::move(rep));
  return reports_.back();
}

// A second (third...) file with an id already read. The same content is a plain copy; other content
// is a conflict: not decided by which file came first, so the result is held until someone chooses.
void Importer::add_copy(FileReport& rep, Result&& r, std::size_t at) {
  const std::string text = result_to_json(r);
  auto c = conflict_of_.find(r.id);
  if (c == conflict_of_.end()) {
    rep.same_as = first_report_[at];
    if (result_to_json(results_[at]) == text) return;  // a true copy
    Conflict k;
    k.id = r.id;
    k.reports.push_back(first_report_[at]);
    k.copies.push_back(results_[at]);
    c = conflict_of_.emplace(r.id, conflict_list_.size()).first;
    conflict_list_.push_back(std::move(k));
  }
  Conflict& k = conflict_list_[c->second];
  for (std::size_t i = 0; i < k.copies.size(); ++i)
    if (result_to_json(k.copies[i]) == text) {
      rep.same_as = k.reports[i];  // a copy of one of the copies: nothing new to choose
      return;
    }
  rep.conflict = true;
  rep.same_as = k.reports.front();
  ++conflicts_;
  rep.warnings.push_back(rep.file + ": same result id as an earlier file but other content; counted once a copy is chosen");
  k.reports.push_back(reports_.size());  // this report's index once added
  k.copies.push_back(std::move(r));
  k.chosen = -1;  // a new copy: whatever was chosen before is asked again
  results_[at].held = true;
  ++edits_;
}

std::size_t Importer::undecided() const {
  return std::size_t(std::count_if(conflict_list_.begin(), conflict_list_.end(), [](const Conflict& k) { return k.chosen < 0; }));
}

std::size_t Importer::index_of(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? std::string_view::npos : it->second;
}

std::size_t Importer::choose(std::size_t c, std::size_t copy) {
  Conflict& k = conflict_list_.at(c);
  const std::size_t at = ids_.find(k.id)->second;
  unsealed_ -= results_[at].unsealed;
  results_[at] = k.copies.at(copy);
  results_[at].held = false;
  unsealed_ += results_[at].unsealed;
  first_report_[at] = k.reports[copy];
  k.chosen = int(copy);
  ++edits_;
  return at;
}

const FileReport& Importer::add_failure(std::string_view file_name, std::string error) {
  FileReport rep;
  rep.file = std::string(file_name);
  rep.errors.push_back(std::move(error));
  rep.problem = ReadProblem::Damaged;
  ++failed_;
  reports_.push_back(std::move(rep));
  return reports_.back();
}

const FileReport& Importer::add_too_big(std::string_view file_name, std::size_t bytes, std::size_t limit) {
  const std::string why = limit == 0 ? " bytes, more than the memory left on this device; not read"
                                     : " bytes, over the limit of " + std::to_string(limit) +
                                           (limit == kMaxResultBytes ? " bytes for one result" : " bytes for a batch file") +
                                           "; not read";
  const FileReport& rep = add_failure(file_name, std::string(file_name) + ": " + std::to_string(bytes) + why);
  reports_.back().too_big = true;
  return rep;
}

std::size_t Importer::add_ndjson(std::string_view text, std::string_view file_name) {
  const std::vector<NdjsonRecord> records = split_ndjson(text);
  for (const NdjsonRecord& r : records) add(r.text, std::string(file_name) + " #" + std::to_string(r.line));
  return records.size();
}

std::string Importer::ndjson() const {
  std::string out;
  for (auto& r : results_) {
    if (!r.held) {
      out += result_to_json(r);
      out += '\n';
      continue;
    }
    for (const Result& copy : conflict_list_[conflict_of_.find(r.id)->second].copies) {
      out += result_to_json(copy);
      out += '\n';
    }
  }
  return out;
}

// ---- aggregation ----

namespace {
// Place names as typed vary in spaces and line breaks: tidied, "Thôn Đông " is "Thôn Đông".
std::string profile_value(const Result& r, std::string_view id) {
  auto it = r.profile.find(id);
  return it != r.profile.end() && it->second.is_string() ? tidy(it->second.str()) : std::string();
}

// Who a training list names: the household code, else the business name, else the result id.
std::string who(const Result& r) {
  for (const char* k : {"household_code", "business_name"})
    if (std::string v = profile_value(r, k); !v.empty()) return v;
  return r.id;
}

// A dimension's percentage against the level bands (format_version 2: the shown whole percentage).
int band(const Survey& s, double percent) {
  int b = -1;
  for (size_t i = 0; i < s.levels.size(); ++i)
    if (s.levels[i].min <= compared_percent(s, percent)) b = int(i);
  return b;
}

// The record's own level: in format_version 2 a level may require a condition, so the band of the
// overall percentage is not enough.
int level_index(const Survey& s, const Result& r) {
  for (size_t i = 0; i < s.levels.size(); ++i)
    if (s.levels[i].id == r.scores.level) return int(i);
  return -1;
}

// Results read by the importer carry their survey; fresh ones (UI) only its id.
bool for_survey(const Result& r, const Survey& s) { return r.survey ? r.survey.get() == &s : r.survey_id == s.id; }
}  // namespace

bool Filter::matches(const Result& r) const {
  if (r.held) return false;  // a conflict nobody has chosen a copy for: counted nowhere
  if (!survey_id.empty() && r.survey_id != survey_id) return false;
  if (!province.empty() && profile_value(r, "province") != province) return false;
  if (!commune.empty() && profile_value(r, "commune") != commune) return false;
  if (!village.empty() && profile_value(r, "village") != village) return false;
  if (!level.empty() && r.scores.level != level) return false;
  if (complete_only && r.status != Status::Complete) return false;
  if (r.unsealed && !include_unsealed) return false;
  return in_dates(r);
}

bool Filter::in_dates(const Result& r) const {
  if (!dated()) return true;
  const std::string day = local_date(r.completed.empty() ? r.updated : r.completed, utc_offset_minutes);
  if (day.empty()) return false;  // no time to tell: not in any range
  return (date_from.empty() || day >= date_from) && (date_to.empty() || day <= date_to);
}

std::string local_date(std::string_view t, int offset_minutes) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  const std::string s(t.substr(0, 16));
  if (s.size() < 16 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) return {};
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return {};
  const long minutes = days_from_civil(y, unsigned(mo), unsigned(d)) * 1440 + h * 60 + mi + offset_minutes;
  long year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440), year, month, day);
  char b[40];
  std::snprintf(b, sizeof b, "%04ld-%02u-%02u", year, month, day);
  return b;
}

AggregateSum::AggregateSum(const Survey& s, const Filter& f) : s_(&s), f_(f), dim_sum_(s.dimensions.size(), 0) {
  ag_.survey_id = s.id;
  ag_.by_level.assign(s.levels.size(), 0);
  ag_.dimensions.resize(s.dimensions.size());
  for (size_t i = 0; i < s.dimensions.size(); ++i) {
    ag_.dimensions[i].id = s.dimensions[i].id;
    ag_.dimensions[i].by_level.assign(s.levels.size(), 0);
  }
}

void AggregateSum::add(const Result& r) {
  const Survey& s = *s_;
  if (!for_survey(r, s)) return;
  if (!f_.matches(r)) {
    if (r.unsealed && !f_.include_unsealed) {
      Filter with = f_;
      with.include_unsealed = true;
      ag_.unsealed_left_out += with.matches(r);
    }
    return;
  }
  ++ag_.count;
  // r.scores was recomputed by read_result; the stored copy is never used.
  if (r.scores.overall) {
    overall_sum_ += *r.scores.overall;
    ++overall_n_;
    int b = level_index(s, r);
    if (b >= 0) ++ag_.by_level[size_t(b)];
    else ++ag_.no_level;
  } else {
    ++ag_.no_level;
  }
  for (size_t i = 0; i < r.scores.dimensions.size() && i < ag_.dimensions.size(); ++i) {
    const auto& p = r.scores.dimensions[i].second;
    if (!p) continue;
    ++ag_.dimensions[i].scored;
    dim_sum_[i] += *p;
    int b = band(s, *p);
    if (b >= 0) ++ag_.dimensions[i].by_level[size_t(b)];
  }
}

Aggregates AggregateSum::result() const {
  Aggregates ag = ag_;
  if (overall_n_) ag.mean_overall = overall_sum_ / double(overall_n_);
  for (size_t i = 0; i < ag.dimensions.size(); ++i)
    if (ag.dimensions[i].scored) ag.dimensions[i].mean = dim_sum_[i] / double(ag.dimensions[i].scored);
  return ag;
}

Aggregates aggregate(const std::vector<Result>& results, const Survey& s, const Filter& f) {
  AggregateSum sum(s, f);
  for (const Result& r : results) sum.add(r);
  return sum.result();
}

std::vector<TrainingNeed> training_needs(const std::vector<Result>& results, const Survey& s, const Filter& f,
                                         double below_percent, std::string_view group_by) {
  std::vector<TrainingNeed> out(s.dimensions.size());
  for (size_t i = 0; i < s.dimensions.size(); ++i) out[i].dimension = s.dimensions[i].id;
  add_training_needs(out, results, 0, s, f, below_percent, group_by);
  return out;
}

void add_training_needs(std::vector<TrainingNeed>& needs, const std::vector<Result>& results, std::size_t from,
                        const Survey& s, const Filter& f, double below_percent, std::string_view group_by) {
  for (std::size_t k = from; k < results.size(); ++k) {
    const Result& r = results[k];
    if (!for_survey(r, s) || !f.matches(r)) continue;
    for (size_t i = 0; i < r.scores.dimensions.size() && i < needs.size(); ++i) {
      const auto& p = r.scores.dimensions[i].second;
      if (!p || *p >= below_percent) continue;
      const std::string group = profile_value(r, group_by);
      needs[i].by_group[group].push_back(r.id);
      needs[i].people[group].push_back({who(r), *p});
    }
  }
}

// ---- CSV ----

namespace {
std::size_t digits(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}
}  // namespace

bool is_plain_number(std::string_view s) {
  std::size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  std::size_t j = digits(s, i);
  if (j == i) return false;
  if (j < s.size() && s[j] == '.') {
    i = j + 1;
    if ((j = digits(s, i)) == i) return false;
  }
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    i = j + 1 < s.size() && (s[j + 1] == '+' || s[j + 1] == '-') ? j + 2 : j + 1;
    if ((j = digits(s, i)) == i) return false;
  }
  return j == s.size();
}

std::string csv_field(std::string_view s) {
  // A cell starting like a formula would be run by a spreadsheet: a household's typed text must stay
  // text. Only numbers as people (and number_text) write them are left alone; strtod's wider idea of
  // a number ("+0x1p3", "-inf") let formulas through before.
  std::string guarded;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos && !is_plain_number(s)) {
    guarded = "'" + std::string(s);
    s = guarded;
  }
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  o += '"';
  return o;
}

namespace {

struct Csv {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8 (Vietnamese) correctly
  bool first = true;
  void cell(std::string_view s) {
    if (!first) out += ',';
    out += csv_field(s);
    first = false;
  }
  void end() { out += "\r\n"; first = true; }
};

std::string pct(const std::optional<double>& p) { return p ? json::number_text(*p) : std::string(); }

std::string label_of(const Question& q, const Value& v, std::string_view lang) {
  if (v.is_string()) {
    const Option* o = q.find_option(v.str());
    return o ? o->label.get(lang) : v.str();
  }
  if (v.is_number()) {
    if (q.type == QuestionType::Rating)
      for (auto& o : q.options)
        if (o.number == v.number()) return o.label.get(lang).empty() ? o.value : o.label.get(lang);
    return json::number_text(v.number());
  }
  return {};
}

}  // namespace

std::string answer_label(const Question& q, const Value& v, std::string_view lang) { return label_of(q, v, lang); }

std::string results_csv(const std::vector<Result>& results, const Survey& s, const Filter& f, const Strings& words) {
  Csv c;
  const std::string& lang = words.language();
  // Headers in words, each with its code in brackets: people read the words, tools match the codes.
  for (const char* code : {"result_id", "status", "language", "started", "completed"})
    c.cell(words.get(std::string("csv.") + code) + " [" + code + "]");
  for (auto& q : s.questions) {
    if (q.type == QuestionType::Info) continue;
    const std::string head = tidy(q.title.get(lang)) + " [" + q.id + "]";
    if (q.type == QuestionType::Multiple)
      for (auto& o : q.options) c.cell(head + ": " + o.label.get(lang));
    else
      c.cell(head);
  }
  for (auto& d : s.dimensions) c.cell(d.title.get(lang) + " %");
  c.cell(words.get("csv.overall_percent"));
  c.cell(words.get("csv.level"));
  c.end();
  for (const Result& r : results) {
    if (!for_survey(r, s) || !f.matches(r)) continue;
    c.cell(r.id);
    c.cell(words.get(r.status == Status::Complete ? "csv.complete" : "csv.draft"));
    c.cell(words.has_locale(r.language) ? words.get_in(r.language, "language.name") : r.language);
    c.cell(r.started);
    c.cell(r.completed);
    for (auto& q : s.questions) {
      if (q.type == QuestionType::Info) continue;
      const Answers& m = q.profile() ? r.profile : r.answers;
      auto it = m.find(q.id);
      const Value* v = it == m.end() || !it->second.answered() ? nullptr : &it->second;
      if (q.type == QuestionType::Multiple) {
        for (auto& o : q.options) {
          if (!v) c.cell("");
          else c.cell(std::find(v->list().begin(), v->list().end(), o.value) != v->list().end() ? "1" : "0");
        }
      } else {
        c.cell(v ? label_of(q, *v, lang) : std::string());
      }
    }
    for (auto& d : r.scores.dimensions) c.cell(pct(d.second));
    c.cell(pct(r.scores.overall));
    const Level* l = s.level_by_id(r.scores.level);
    c.cell(l ? l->label.get(lang) : std::string());
    c.end();
  }
  return c.out;
}

std::string aggregates_csv(const Aggregates& ag, const Survey& s, const Strings& words) {
  Csv c;
  const std::string& lang = words.language();
  for (const char* key : {"csv.measure", "csv.respondents", "csv.mean_percent"}) c.cell(words.get(key));
  for (auto& l : s.levels) c.cell(l.label.get(lang));
  c.end();
  c.cell(words.get("csv.overall"));
  c.cell(std::to_string(ag.count));
  c.cell(pct(ag.mean_overall ? std::optional<double>(std::round(*ag.mean_overall * 100) / 100) : std::nullopt));
  for (auto n : ag.by_level) c.cell(std::to_string(n));
  c.end();
  for (size_t i = 0; i < ag.dimensions.size() && i < s.dimensions.size(); ++i) {
    const auto& d = ag.dimensions[i];
    c.cell(s.dimensions[i].title.get(lang));
    c.cell(std::to_string(d.scored));
    c.cell(pct(d.mean ? std::optional<double>(std::round(*d.mean * 100) / 100) : std::nullopt));
    for (auto n : d.by_level) c.cell(std::to_string(n));
    c.end();
  }
  return c.out;
}

std::string training_needs_csv(const std::vector<TrainingNeed>& needs, const Survey& s, const Strings& words) {
  // One row per person and dimension, grouped by village: a list to act on, and to sort or filter
  // in a spreadsheet.
  Csv c;
  const std::string& lang = words.language();
  for (const char* key : {"csv.dimension", "csv.village", "csv.household", "csv.dimension_percent"}) c.cell(words.get(key));
  c.end();
  for (auto& n : needs) {
    int di = s.dimension_index(n.dimension);
    for (auto& [group, people] : n.people) {
      for (auto& p : people) {
        c.cell(di >= 0 ? s.dimensions[size_t(di)].title.get(lang) : n.dimension);
        c.cell(group);
        c.cell(p.who);
        c.cell(pct(std::round(p.percent * 100) / 100));
        c.end();
      }
    }
  }
  return c.out;
}

}  // namespace dr

#include "app/workbook_sheets.hpp"

#include <algorithm>
#include <cmath>

#include "app/indicator_view.hpp"
#include "app/respondent.hpp"

namespace app {

namespace {

// A header in the reader's words (locale key xlsx.<sheet>.<code>) over its code.
Column col(const dr::Strings& words, const char* key, std::string code) { return {words.get(key), std::move(code)}; }

// Percentages as the CSV and the screen round them (2 decimals), still numbers.
Cell percent(const std::optional<double>& p) {
  return p ? Cell::num(std::round(*p * 100) / 100) : Cell();
}

std::string level_words(const dr::Survey& s, const std::string& level_id, const std::string& lang) {
  const dr::Level* l = s.level_by_id(level_id);
  return l ? l->label.get(lang) : std::string();
}

bool of_survey(const dr::Result& r, const dr::Survey& s) {
  return r.survey ? r.survey.get() == &s : r.survey_id == s.id;
}

// A place as people read it: a chosen province by its name ("Hải Dương", not "hai_duong").
Cell place(const dr::Result& r, const dr::Survey& s, const char* field, const std::string& lang) {
  const std::string v = dr::tidy(profile_text(r, field));
  const dr::Question* q = v.empty() ? nullptr : s.find(field);
  const dr::Option* o = q ? q->find_option(v) : nullptr;
  return Cell::of(o ? o->label.get(lang) : v);
}

// Who, as the training list names them: the household code or business name, else the result id.
std::string who(const dr::Result& r) {
  std::string w = respondent(r);
  return w.empty() ? r.id : w;
}

// Shown in the leading where-columns, so not repeated among the answers.
bool place_field(const dr::Question& q) { return q.id == "province" || q.id == "commune" || q.id == "village"; }

void answer_columns(Sheet& sh, const dr::Survey& s, const std::string& lang) {
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || place_field(q)) continue;
    if (q.type == dr::QuestionType::Multiple)
      for (const dr::Option& o : q.options) sh.columns.push_back({short_header(o.label.get(lang)), q.id + "." + o.value});
    else
      sh.columns.push_back({short_header(q.title.get(lang)), q.id});
  }
}

void answer_cells(std::vector<Cell>& row, const dr::Result& r, const dr::Survey& s, const std::string& lang) {
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || place_field(q)) continue;
    const dr::Answers& m = q.profile() ? r.profile : r.answers;
    const auto it = m.find(q.id);
    const dr::Value* v = it == m.end() || !it->second.answered() ? nullptr : &it->second;
    if (q.type == dr::QuestionType::Multiple) {
      for (const dr::Option& o : q.options) {
        if (!v) row.emplace_back();
        else row.push_back(Cell::num(std::count(v->list().begin(), v->list().end(), o.value) ? 1 : 0));
      }
    } else if (v && v->is_number() && (q.type == dr::QuestionType::Integer || q.type == dr::QuestionType::Decimal)) {
      row.push_back(Cell::num(v->number()));
    } else {
      row.push_back(v ? Cell::of(dr::answer_label(q, *v, lang)) : Cell());
    }
  }
}

}  // namespace

std::string short_header(const std::string& text, std::size_t max_chars) {
  const std::string t = dr::tidy(text);
  std::size_t chars = 0, i = 0;
  for (; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars++ == max_chars) break;
  }
  if (i >= t.size()) return t;
  return dr::tidy(t.substr(0, i)) + "…";
}

Sheet households_sheet(const std::vector<const dr::Result*>& rows, const dr::Survey& s, const dr::Strings& words,
                       int utc_offset_minutes) {
  const std::string& lang = words.language();
  Sheet sh;
  sh.name = words.get("xlsx.list.name");
  sh.columns = {col(words, "xlsx.list.who", "who"), col(words, "xlsx.list.province", "province"),
                col(words, "xlsx.list.commune", "commune"), col(words, "xlsx.list.village", "village"),
                col(words, "xlsx.list.level", "level"), col(words, "xlsx.list.overall", "overall")};
  for (const dr::Dimension& d : s.dimensions) sh.columns.push_back({short_header(d.title.get(lang)) + " %", d.id});
  sh.columns.push_back(col(words, "xlsx.list.completed", "completed"));
  answer_columns(sh, s, lang);
  sh.columns.push_back(col(words, "xlsx.list.result_id", "result_id"));
  for (const dr::Result* rp : rows) {
    const dr::Result& r = *rp;
    if (!of_survey(r, s)) continue;
    std::vector<Cell> row = {Cell::of(who(r)), place(r, s, "province", lang), place(r, s, "commune", lang),
                             place(r, s, "village", lang),
                             Cell::of(level_words(s, r.scores.level, lang)), percent(r.scores.overall)};
    for (const dr::Dimension& d : s.dimensions) {
      const auto it = std::find_if(r.scores.dimensions.begin(), r.scores.dimensions.end(),
                                   [&d](const auto& p) { return p.first == d.id; });
      row.push_back(it == r.scores.dimensions.end() ? Cell() : percent(it->second));
    }
    row.push_back(Cell::local_time(r.completed, utc_offset_minutes));
    answer_cells(row, r, s, lang);
    row.push_back(Cell::of(r.id));
    sh.rows.push_back(std::move(row));
  }
  return sh;
}

Sheet summary_sheet(const dr::Aggregates& ag, const dr::Survey& s, const dr::Strings& words) {
  const std::string& lang = words.language();
  Sheet sh;
  sh.name = words.get("xlsx.summary.name");
  sh.columns = {col(words, "xlsx.summary.area", "area"), col(words, "xlsx.summary.count", "count"),
                col(words, "xlsx.summary.mean", "mean")};
  for (const dr::Level& l : s.levels) sh.columns.push_back({short_header(l.label.get(lang)), "level." + l.id});
  std::vector<Cell> overall = {Cell::of(words.get("xlsx.summary.overall_row")), Cell::num(double(ag.count)),
                               percent(ag.mean_overall)};
  for (std::size_t n : ag.by_level) overall.push_back(Cell::num(double(n)));
  sh.rows.push_back(std::move(overall));
  for (std::size_t i = 0; i < ag.dimensions.size() && i < s.dimensions.size(); ++i) {
    const dr::DimensionAggregate& d = ag.dimensions[i];
    std::vector<Cell> row = {Cell::of(s.dimensions[i].title.get(lang)), Cell::num(double(d.scored)), percent(d.mean)};
    for (std::size_t n : d.by_level) row.push_back(Cell::num(double(n)));
    sh.rows.push_back(std::move(row));
  }
  return sh;
}

Sheet training_sheet(const std::vector<TrainingArea>& areas, const dr::Survey& s, const dr::Strings& words) {
  const std::string& lang = words.language();
  Sheet sh;
  sh.name = words.get("xlsx.training.name");
  sh.columns = {col(words, "xlsx.training.who", "who"), col(words, "xlsx.training.village", "village"),
                col(words, "xlsx.training.area", "area"), col(words, "xlsx.training.percent", "percent"),
                col(words, "xlsx.training.area_id", "area_id"), col(words, "xlsx.training.sources", "sources")};
  for (const TrainingArea& a : areas) {
    const int di = s.dimension_index(a.id);
    const std::string area = di >= 0 ? s.dimensions[std::size_t(di)].title.get(lang) : a.id;
    for (const TrainingPerson& p : a.people)
      sh.rows.push_back({Cell::of(p.who), Cell::of(p.village), Cell::of(area), percent(p.lowest()), Cell::of(a.id),
                         Cell::of(sources_text(p, lang))});
  }
  return sh;
}

Sheet indicators_sheet(const std::vector<dr::IndicatorRow>& rows, const dr::Strings& words) {
  const std::string& lang = words.language();
  Sheet sh;
  sh.name = words.get("xlsx.indicators.name");
  sh.columns = {col(words, "xlsx.indicators.title", "title"), col(words, "xlsx.indicators.place", "place"),
                col(words, "xlsx.indicators.n", "n"), col(words, "xlsx.indicators.N", "N"),
                col(words, "xlsx.indicators.percent", "percent"), col(words, "xlsx.indicators.target", "target"),
                col(words, "xlsx.indicators.met", "met"), col(words, "xlsx.indicators.unit", "unit"),
                col(words, "xlsx.indicators.id", "id"), col(words, "xlsx.indicators.surveys", "surveys"),
                col(words, "xlsx.indicators.definition", "definition")};
  for (const dr::IndicatorRow& r : rows) {
    std::string surveys;
    for (const std::string& id : r.surveys) surveys += (surveys.empty() ? "" : " ") + id;
    const auto p = r.percent();
    const auto met_target = IndicatorView::met(r);
    const std::string met = !met_target ? "" : words.get(*met_target ? "xlsx.indicators.met_yes" : "xlsx.indicators.met_no");
    sh.rows.push_back({Cell::of(r.title.get(lang)), Cell::of(dr::place_words(r, words)),
                       Cell::num(r.n), Cell::num(r.N), percent(p), Cell::num(r.target), Cell::of(met),
                       Cell::of(dr::unit_words(r.unit, words)), Cell::of(r.id), Cell::of(surveys),
                       Cell::of(r.definition.get(lang))});
  }
  return sh;
}

namespace {
Cell report_cell(const ReportCell& c) {
  switch (c.kind) {
    case ReportCell::Kind::Text: return Cell::of(c.text);
    case ReportCell::Kind::Count: return Cell::num(c.number);
    case ReportCell::Kind::Percent: return percent(c.number);
    case ReportCell::Kind::Empty: break;
  }
  return Cell();
}

bool indicator_column(const ReportColumn& c) { return c.code.rfind("ind.", 0) == 0; }
}  // namespace

Sheet villages_sheet(const ReportTable& t, const dr::Strings& words) {
  Sheet sh;
  sh.name = words.get("xlsx.villages.name");
  const std::string people = words.get("xlsx.villages.n");
  // Which columns hold percents (then their counts follow): the first row tells, as in the CSV.
  std::vector<bool> pct(t.columns.size());
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    for (const auto& row : t.rows) pct[c] = pct[c] || (c < row.size() && row[c].kind == ReportCell::Kind::Percent);
    sh.columns.push_back({short_header(t.columns[c].header + (pct[c] ? " %" : "")), t.columns[c].code});
    if (!pct[c]) continue;
    if (!indicator_column(t.columns[c])) {
      sh.columns.push_back({people, t.columns[c].code + ".n"});
      continue;
    }
    sh.columns.push_back({words.get("xlsx.indicators.n"), t.columns[c].code + ".n"});
    sh.columns.push_back({words.get("xlsx.indicators.N"), t.columns[c].code + ".N"});
  }
  for (const auto& row : t.rows) {
    std::vector<Cell> out;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const ReportCell cell = c < row.size() ? row[c] : ReportCell();
      out.push_back(report_cell(cell));
      if (!pct[c]) continue;
      if (!indicator_column(t.columns[c])) {
        out.push_back(Cell::num(double(cell.n)));
        continue;
      }
      out.push_back(cell.of ? Cell::num(cell.numerator.value_or(0)) : Cell());
      out.push_back(Cell::num(cell.of));
    }
    sh.rows.push_back(std::move(out));
  }
  return sh;
}

}  // namespace app

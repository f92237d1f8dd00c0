// The test hook's state: one writer for all of it, run only when a test reads state() (never on
// frames nobody reads). Described in docs/testing.md.
#include "ui/hook_state.hpp"

#include "app/question_count.hpp"

#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "app/targets.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"

namespace ui {

namespace {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_str(Writer& w, const char* key, const std::string& v) {
  w.Key(key);
  w.String(v.c_str(), rapidjson::SizeType(v.size()));
}

// Scores as the screen rounds them for the tests: two decimals.
void write_percent(Writer& w, std::optional<double> p) {
  if (!p) {
    w.Null();
    return;
  }
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.2f", *p);
  w.RawValue(buf, std::size_t(n), rapidjson::kNumberType);
}

// The indicator tab's rows as last worked out (shown on that tab only).
void write_indicators(Writer& w, const app::IndicatorView& iv) {
  w.Key("indicator_records"); w.Uint64(iv.records());
  w.Key("indicators");
  w.StartArray();
  for (const dr::IndicatorRow& r : iv.rows()) {
    w.StartObject();
    write_str(w, "id", r.id);
    write_str(w, "unit", r.unit);
    w.Key("n"); w.Double(r.n);
    w.Key("N"); w.Double(r.N);
    w.Key("percent"); write_percent(w, r.percent());
    w.Key("target"); write_percent(w, r.target);
    const auto met = app::IndicatorView::met(r);
    w.Key("met");
    if (met) w.Bool(*met);
    else w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.Key("indicator_open"); w.Int(iv.open);
  write_str(w, "old_province", iv.old_province());
  w.Key("old_unknown"); w.Uint64(iv.old_unknown());
}

void write_batch(Writer& w, const app::BatchCounts& b) {
  w.StartObject();
  w.Key("received"); w.Uint64(b.received);
  w.Key("kept"); w.Uint64(b.kept);
  w.Key("failed"); w.Uint64(b.failed);
  w.Key("duplicates"); w.Uint64(b.duplicates);
  w.Key("conflicts"); w.Uint64(b.conflicts);
  w.EndObject();
}

// The import tab's report: each batch, the totals, each conflict with its files and the choice.
void write_report(Writer& w, const app::Review& rv) {
  const dr::Importer* imp = rv.importer();
  w.Key("batches");
  w.StartArray();
  for (const app::BatchCounts& b : rv.batches.all()) write_batch(w, b);
  w.EndArray();
  w.Key("totals");
  if (imp) write_batch(w, app::ImportBatches::totals(*imp));
  else w.Null();
  w.Key("conflict_list");
  w.StartArray();
  for (std::size_t c = 0; imp && c < imp->conflict_list().size(); ++c) {
    const dr::Conflict& k = imp->conflict_list()[c];
    w.StartObject();
    write_str(w, "id", k.id);
    w.Key("files");
    w.StartArray();
    for (std::size_t r : k.reports) w.String(imp->reports()[r].file.c_str());
    w.EndArray();
    w.Key("chosen"); w.Int(k.chosen);
    w.EndObject();
  }
  w.EndArray();
}

// The village table as last worked out: column codes, then per village its cells.
void write_villages(Writer& w, const app::ReportTable& t) {
  w.Key("village_columns");
  w.StartArray();
  for (const app::ReportColumn& c : t.columns) w.String(c.code.c_str());
  w.EndArray();
  w.Key("village_rows");
  w.StartArray();
  for (const auto& row : t.rows) {
    w.StartArray();
    for (const app::ReportCell& c : row) {
      if (c.kind == app::ReportCell::Kind::Text) { w.String(c.text.c_str()); continue; }
      w.StartObject();
      w.Key("value");
      if (c.number) w.Double(*c.number); else w.Null();
      w.Key("n"); w.Uint64(c.n);
      if (c.of) { w.Key("num"); w.Double(c.numerator.value_or(0)); w.Key("of"); w.Double(*c.of); }
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndArray();
}

// The training tab's list: per area, the surveys joined, N scored, and each person with their scores.
void write_joined_training(Writer& w, const std::vector<app::TrainingArea>& areas) {
  w.Key("joined_training");
  w.StartArray();
  for (const app::TrainingArea& a : areas) {
    w.StartObject();
    write_str(w, "area", a.id);
    w.Key("surveys");
    w.StartArray();
    for (const dr::Survey* sv : a.surveys) w.String(sv->id.c_str());
    w.EndArray();
    w.Key("scored"); w.Uint64(a.scored);
    w.Key("people");
    w.StartArray();
    for (const app::TrainingPerson& p : a.people) {
      w.StartObject();
      write_str(w, "who", p.who);
      write_str(w, "village", p.village);
      w.Key("scores");
      w.StartArray();
      for (const app::TrainingScore& sc : p.scores) {
        w.StartObject();
        write_str(w, "survey", sc.survey->id);
        w.Key("percent"); w.Double(sc.percent);
        write_str(w, "date", sc.date);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void write_organiser(Writer& w, App& app) {
  const app::Review& rv = app.review();
  const app::ResultTable& tb = rv.table;
  const OrganiserView& v = app.organiser_view();
  w.StartObject();
  const dr::Importer* imp = rv.importer();
  w.Key("files"); w.Uint64(imp ? imp->reports().size() : 0);
  w.Key("imported"); w.Uint64(imp ? imp->results().size() : 0);
  w.Key("unsealed"); w.Uint64(imp ? imp->unsealed() : 0);
  w.Key("include_unsealed"); w.Bool(rv.table.include_unsealed);
  w.Key("failed"); w.Uint64(imp ? imp->failed() : 0);
  w.Key("duplicates"); w.Uint64(imp ? imp->duplicates() : 0);
  w.Key("conflicts"); w.Uint64(imp ? imp->conflicts() : 0);
  w.Key("changed"); w.Uint64(imp ? imp->changed() : 0);
  w.Key("busy"); w.Bool(rv.busy());
  w.Key("queued"); w.Uint64(rv.queue.size());
  w.Key("batch_total"); w.Uint64(rv.queue.total());
  w.Key("batch_done"); w.Uint64(rv.queue.done());
  w.Key("import_ms"); w.Double(rv.last_import_ms());
  w.Key("heap_bytes"); w.Uint64(platform::heap_bytes());
  static const char* tabs[] = {"import", "list", "summary", "training", "indicators", "villages"};
  write_str(w, "tab", tabs[int(v.tab)]);
  write_str(w, "survey", tb.survey_id);
  write_str(w, "survey_version", tb.survey_version);
  w.Key("filter");
  w.StartObject();
  write_str(w, "province", tb.filter.province);
  write_str(w, "commune", tb.filter.commune);
  write_str(w, "village", tb.filter.village);
  write_str(w, "level", tb.filter.level);
  write_str(w, "search", tb.search);
  write_str(w, "date_from", tb.filter.date_from);
  write_str(w, "date_to", tb.filter.date_to);
  w.EndObject();
  w.Key("of_survey"); w.Uint64(tb.of_survey());
  w.Key("rounds");
  w.StartArray();
  for (const app::Round& r : rv.rounds.all()) {
    w.StartObject();
    write_str(w, "name", r.name);
    write_str(w, "from", r.from);
    write_str(w, "to", r.to);
    w.EndObject();
  }
  w.EndArray();
  // Only while the training tab is shown (what it mirrors): with 10,000 results the list is about
  // 3 MB of JSON, and worked out again after every refresh, which a poll during an import paid each
  // time (docs/size.md, "Organiser import").
  if (v.tab == OrgTab::Training)
    write_joined_training(w, imp ? tb.training(imp->results(), app.catalog()) : std::vector<app::TrainingArea>());
  write_str(w, "sort", app::to_key(tb.sort));
  if (const dr::Survey* sv = tb.sort == app::SortBy::Dimension ? tb.survey(app.catalog()) : nullptr)
    write_str(w, "sort_dimension", tb.sort_dim < sv->dimensions.size() ? sv->dimensions[tb.sort_dim].id : std::string());
  w.Key("ascending"); w.Bool(tb.ascending);
  w.Key("rows"); w.Uint64(tb.rows().size());
  w.Key("first_rows");  // the top of the table, for checking the sort
  w.StartArray();
  for (std::size_t i = 0; i < tb.rows().size() && i < 5; ++i) {
    const std::string& c = tb.all()[tb.rows()[i]].code;
    w.String(c.c_str(), rapidjson::SizeType(c.size()));
  }
  w.EndArray();
  write_str(w, "detail", v.detail >= 0 && imp ? imp->results()[tb.all()[std::size_t(v.detail)].result].id : "");
  write_indicators(w, rv.indicators);
  write_report(w, rv);
  write_villages(w, rv.villages.table());
  w.Key("aggregates");
  w.StartObject();
  w.Key("count"); w.Uint64(tb.aggregates().count);
  w.Key("mean");
  if (tb.aggregates().mean_overall) w.Double(*tb.aggregates().mean_overall); else w.Null();
  w.Key("by_level");
  w.StartArray();
  for (auto n : tb.aggregates().by_level) w.Uint64(n);
  w.EndArray();
  w.Key("dimensions");
  w.StartObject();
  for (const auto& d : tb.aggregates().dimensions) {
    w.Key(d.id.c_str());
    if (d.mean) w.Double(*d.mean); else w.Null();
  }
  w.EndObject();
  w.EndObject();
  w.Key("targets");
  w.StartArray();
  const auto& targets = app::targets();
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (tb.target_met().size() <= t || !tb.target_met()[t].second) continue;
    w.StartObject();
    write_str(w, "id", std::string(targets[t].survey) + "." + targets[t].question);
    w.Key("met"); w.Uint64(tb.target_met()[t].first);
    w.Key("answered"); w.Uint64(tb.target_met()[t].second);
    w.Key("target"); w.Double(targets[t].percent);
    w.EndObject();
  }
  w.EndArray();
  w.Key("below_level"); w.Int(tb.below_level);
  w.Key("training");  // per dimension: respondents below the level, all villages
  w.StartObject();
  for (const auto& n : tb.needs()) {
    std::size_t c = 0;
    for (const auto& g : n.by_group) c += g.second.size();
    w.Key(n.dimension.c_str());
    w.Uint64(c);
  }
  w.EndObject();
  // Bad and changed files, with their reasons (the first 50 of each).
  w.Key("failed_files");
  w.StartArray();
  std::size_t nf = 0, nc = 0;
  if (imp)
    for (const auto& rep : imp->reports())
      if (!rep.ok && nf++ < 50) {
        w.StartObject();
        write_str(w, "file", rep.file);
        write_str(w, "error", rep.errors.empty() ? std::string() : rep.errors.front());
        write_str(w, "problem", rep.too_big ? "too_big" : dr::to_key(rep.problem));  // as the screen says it
        w.EndObject();
      }
  w.EndArray();
  w.Key("changed_files");
  w.StartArray();
  if (imp)
    for (const auto& rep : imp->reports())
      if (rep.changed && nc++ < 50) {
        w.StartObject();
        write_str(w, "file", rep.file);
        w.Key("differences");
        w.StartArray();
        for (const auto& d : rep.score_differences) w.String(d.c_str(), rapidjson::SizeType(d.size()));
        w.EndArray();
        w.EndObject();
      }
  w.EndArray();
  write_str(w, "notice", notice_text(app));
  w.Key("notice_error"); w.Bool(rv.notice() == app::Review::Notice::NotKeptFull || rv.notice() == app::Review::Notice::NotKeptCap);
  w.Key("kept_bytes"); w.Uint64(rv.kept.stored_bytes());
  w.Key("enumerator"); w.Bool(app.enumerator().on());
  w.Key("enumerator_batch"); w.Uint64(app.enumerator().size());
  w.Key("compare");
  w.StartObject();
  w.Key("open"); w.Bool(app.compare().is_open());
  write_str(w, "earlier", app.compare().earlier() ? app.compare().earlier()->id : std::string());
  write_str(w, "error", compare_error_text(app));
  w.EndObject();
  w.EndObject();
}

// Storage full: what is offered for deletion (result ids, in order) and whether a save waits.
void write_space(Writer& w, App& app) {
  w.Key("space");
  w.StartObject();
  w.Key("waiting"); w.Bool(app.free_space().waiting());
  w.Key("offer");
  w.StartArray();
  if (app.free_space().waiting())
    for (const auto* e : app.free_space().offer()) w.String(e->key.c_str(), rapidjson::SizeType(e->key.size()));
  w.EndArray();
  w.EndObject();
}

void write_session(Writer& w, App& app) {
  const Session& ss = app.session();
  const dr::Survey& sv = *ss.survey;
  const bool on_question = app.screen() == Screen::Question;
  write_str(w, "survey", sv.id);
  write_str(w, "result_id", ss.result.id);
  const dr::Question* q = ss.pos >= 0 && ss.pos < int(sv.questions.size()) ? &sv.questions[size_t(ss.pos)] : nullptr;
  write_str(w, "question", q && on_question ? q->id : std::string());
  if (q && on_question) write_str(w, "question_type", dr::to_string(q->type));
  // As every screen says it (app/question_count.hpp): N counts what may still come.
  const app::QuestionCount p = app::count_questions(sv, ss.answers);
  w.Key("answered"); w.Int(p.answered);
  w.Key("total"); w.Int(p.total);
  const std::string problem = q && on_question ? question_problem(app, *q) : std::string();
  write_str(w, "validation", problem);
  if (!problem.empty()) {
    w.Key("validation_in_view");
    w.Bool(ss.problem_in_view);
  }
  if (app.screen() != Screen::Results) return;
  if (ss.scores.overall) {
    w.Key("overall");
    write_percent(w, ss.scores.overall);
  }
  const dr::Level* lv = ss.scores.level_ptr(sv);
  write_str(w, "level", lv ? lv->id : std::string());
  w.Key("dimensions");
  w.StartObject();
  for (const auto& d : ss.scores.dimensions) {
    w.Key(d.id.c_str(), rapidjson::SizeType(d.id.size()));
    write_percent(w, d.percent);
  }
  w.EndObject();
}
}  // namespace

std::string hook_state_json(App& app) {
  // Read between frames: the table's rows as the filter and search are now (a search typed since
  // the last frame), as the next frame will show them.
  app.review().refresh();
  rapidjson::StringBuffer sb;
  Writer w(sb);
  w.StartObject();
  write_str(w, "screen", screen_name(app.screen()));
  write_str(w, "lang", app.lang());
  w.Key("frames"); w.Int64(app.frames());
  write_str(w, "text_size", app.large_text() ? "large" : "normal");
  w.Key("surveys_loaded"); w.Bool(app.surveys_loaded());
  w.Key("surveys");
  w.StartArray();
  for (const auto& s : dr::newest_surveys(app.catalog())) w.String(s->id.c_str(), rapidjson::SizeType(s->id.size()));
  w.EndArray();
  const app::RecordStore& store = app.store();
  w.Key("drafts"); w.Uint64(store.drafts().size());
  w.Key("results"); w.Uint64(store.results().size());
  write_space(w, app);
  w.Key("set_aside"); w.Uint64(store.asides().size());
  w.Key("unopened"); w.Uint64(store.unopened().size());
  // What the screen says as a message: the one at the top, else the toast above the action bar.
  write_str(w, "message", app.flash_text().empty() ? app.toast_text() : app.flash_text());
  w.Key("organiser");
  write_organiser(w, app);
  // The camera scan: codes counted, and the words shown when it cannot scan (screen_scan.cpp).
  w.Key("scan");
  w.StartObject();
  w.Key("count"); w.Uint64(app.scan().count());
  write_str(w, "problem", app.scan().problem);
  w.EndObject();
  if (app.session().survey) write_session(w, app);
  w.EndObject();
  return sb.GetString();
}

}  // namespace ui

#include "ui/organiser.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "app/respondent.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"

namespace ui {

namespace {
// Verified results kept for the next visit: NDJSON chunks in bulk storage (IndexedDB). Earlier
// versions kept them in localStorage under the old key; read once and moved.
constexpr const char* kKeptList = "organiser.kept";
constexpr const char* kOldKeptKey = "digiready.organiser.kept";
constexpr std::size_t kKeptChunkBytes = 2u << 20;
// Work per frame while importing: about ten frames a second keep the progress moving and taps
// answered, while most of the time goes to the import (10,000 files in under 2 s, `make report`).
constexpr double kSliceMs = 100;

Organiser g_org;
const dr::SurveyCatalog* g_catalog = nullptr;

std::string lower_ascii(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const char* suffix) {
  const std::string x = suffix;
  return s.size() >= x.size() && lower_ascii(s.substr(s.size() - x.size())) == x;
}

// A batch file (enumerator mode, NDJSON export) holds one record per line.
void enqueue(const std::string& name, const std::string& text) {
  Organiser& o = g_org;
  if (!ends_with(name, ".ndjson") && !ends_with(name, ".jsonl")) {
    o.queue.emplace_back(name, text);
    return;
  }
  std::size_t start = 0, line = 0, added = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    ++line;
    std::string rec = text.substr(start, nl - start);
    if (!rec.empty() && rec.back() == '\r') rec.pop_back();
    if (!rec.empty()) {
      o.queue.emplace_back(name + " #" + std::to_string(line), std::move(rec));
      ++added;
    }
    start = nl + 1;
  }
  // The batch was counted as one file; it is as many records as it has lines.
  o.batch_total += added;
  if (o.batch_total > 0) --o.batch_total;
}

void add_row(const dr::Importer& imp) {
  const dr::Result& r = imp.results().back();
  OrgRow row;
  row.result = imp.results().size() - 1;
  row.report = imp.reports().size() - 1;
  // As typed, tidied: "Thôn Đông " and "Thôn Đông" are one village (the core's filters agree).
  row.code = app::respondent(r);
  row.province = dr::tidy(app::profile_text(r, "province"));
  row.commune = dr::tidy(app::profile_text(r, "commune"));
  row.village = dr::tidy(app::profile_text(r, "village"));
  const std::string& when = r.completed.empty() ? r.updated : r.completed;
  row.date = when.substr(0, std::min<std::size_t>(10, when.size()));
  row.overall = r.scores.overall;
  if (r.survey)
    for (std::size_t i = 0; i < r.survey->levels.size(); ++i)
      if (r.survey->levels[i].id == r.scores.level) row.level = int(i);
  // Search and order ignore case and tone marks ("dong" finds "Đông"); the province by its name.
  std::string province_names;
  const dr::Question* pq = r.survey ? r.survey->find("province") : nullptr;
  if (const dr::Option* po = pq ? pq->find_option(row.province) : nullptr)
    for (const auto& [lang, label] : po->label.items) province_names += " " + label;
  row.search = dr::fold(row.code + " " + row.province + province_names + " " + row.commune + " " + row.village);
  row.code_key = dr::fold(row.code);
  row.place_key = dr::fold(row.commune) + '\x1f' + dr::fold(row.village);
  g_org.by_id.emplace(r.id, g_org.all.size());
  g_org.all.push_back(std::move(row));
}

// Sends what is waiting to be kept to bulk storage (the text is copied out at once: the chunk's
// memory is free again when this returns).
void flush_keep(App& app) {
  Organiser& o = g_org;
  if (o.keep_pending.empty()) return;
  ++o.keeping;
  platform::bulk_append(kKeptList, o.keep_pending, [&app](bool ok) {
    Organiser& og = g_org;
    og.keep_failed = og.keep_failed || !ok;
    if (--og.keeping || og.batch_open) return;
    og.notice = app.t(og.keep_failed ? "organiser.not_kept_full" : "organiser.kept");
    og.notice_error = og.keep_failed;
    app.request_frame();
  });
  std::string().swap(o.keep_pending);
}

// A newly verified result, kept for the next visit as the text it came in (one line of NDJSON:
// line breaks in valid JSON are whitespace, so they become spaces). Streamed out in chunks while a
// batch is read, so neither 10,000 results nor their copies pile up in memory.
void keep(App& app, const std::string& file, const std::string& id, const std::string& text) {
  Organiser& o = g_org;
  // Read back from bulk storage, or finished on this device (kept there): nothing to store again.
  const bool stored = (!o.kept_name.empty() && file.rfind(o.kept_name, 0) == 0) || file == o.device_name;
  if (!o.kept_ids.insert(id).second || stored) return;
  const std::size_t at = o.keep_pending.size();
  o.keep_pending += text;
  for (std::size_t i = at; i < o.keep_pending.size(); ++i)
    if (o.keep_pending[i] == '\n' || o.keep_pending[i] == '\r') o.keep_pending[i] = ' ';
  o.keep_pending += '\n';
  if (o.keep_pending.size() >= kKeptChunkBytes) flush_keep(app);
}

const dr::Value* answer_of(const dr::Result& r, const std::string& id) {
  for (const dr::Answers* m : {&r.answers, &r.profile}) {
    auto it = m->find(id);
    if (it != m->end() && it->second.answered()) return &it->second;
  }
  return nullptr;
}

bool meets(const Target& t, const dr::Value& v) {
  for (const char* want : t.values) {
    if (v.is_string() && v.str() == want) return true;
    if (v.is_list() && std::find(v.list().begin(), v.list().end(), want) != v.list().end()) return true;
  }
  return false;
}

void finish_batch(App& app) {
  Organiser& o = g_org;
  o.batch_open = false;
  o.last_import_ms = platform::now_ms() - o.batch_start_ms;
  o.dirty = true;
  flush_keep(app);
  if (!o.keeping && !o.all.empty()) {  // nothing left on its way: say how it went
    o.notice = app.t(o.keep_failed ? "organiser.not_kept_full" : "organiser.kept");
    o.notice_error = o.keep_failed;
  }
}

template <class W>
void write_str(W& w, const char* key, const std::string& v) {
  w.Key(key);
  w.String(v.c_str(), rapidjson::SizeType(v.size()));
}
}  // namespace

const std::vector<Target>& targets() {
  // 2025 national targets: 80 % of people 15+ with a payment account, 80 % of adults with a smartphone.
  static const std::vector<Target> t = {
      {"online-payment", "pay_accounts", {"bank", "ewallet"}, 80, "organiser.target_payment"},
      {"online-payment", "smartphone", {"yes"}, 80, "organiser.target_smartphone"},
      {"household-digital-skills", "phone", {"smart_own"}, 80, "organiser.target_smartphone"},
  };
  return t;
}

Organiser& organiser() { return g_org; }

const dr::Survey* Organiser::survey(const App&) const {
  if (!g_catalog) return nullptr;
  for (const auto& s : g_catalog->surveys())
    if (s->id == survey_id) return s.get();
  return nullptr;
}

void organiser_init(App& app) {
  g_catalog = &app.catalog();
  platform::set_import_handler({
      [&app](int count) {
        Organiser& o = g_org;
        // One file after "compare with a file" goes to the comparison (results screen). Anything
        // else (a cancelled picker leaves the flag set, then a drop arrives) is a normal import.
        if (o.compare_picking && count == 1 && app.screen() == Screen::Results) return;
        o.compare_picking = false;
        if (!o.busy()) {
          o.batch_total = o.batch_done = 0;
          o.batch_start_ms = platform::now_ms();
          o.keep_failed = false;
        }
        o.batch_total += std::size_t(std::max(0, count));
        o.receiving = o.batch_open = true;
        o.notice.clear();
        // Files dropped anywhere land on the organiser's import page.
        if (app.screen() != Screen::Organiser) app.go(Screen::Organiser);
        o.tab = OrgTab::Import;
        o.detail = -1;
        app.request_frame();
      },
      [&app](const std::string& name, const std::string& text) {
        Organiser& o = g_org;
        if (o.compare_picking) {
          o.compare_picking = false;
          dr::ReadResult rr = dr::read_result(text, name, app.catalog());
          const Session& ss = app.session();
          if (!rr.ok) o.compare_error = name + ": " + app.t(("import.problem." + std::string(dr::to_key(rr.problem))).c_str());
          else if (!ss.survey || rr.result.survey_id != ss.survey->id) o.compare_error = app.t("progress.other_survey");
          else { o.earlier = std::move(rr.result); o.compare_error.clear(); }
        } else {
          enqueue(name, text);
        }
        app.request_frame();
      },
      [&app]() {
        g_org.receiving = false;
        g_org.compare_picking = false;
        app.request_frame();
      },
  });
}

void organiser_clear() {
  Organiser& o = g_org;
  o.importer.reset();
  o.queue.clear();
  o.all.clear();
  o.by_id.clear();
  o.rows.clear();
  o.batch_total = o.batch_done = 0;
  o.detail = -1;
  o.dirty = true;
  o.notice.clear();  // fed_device stays: results on this device come back only when new
  o.kept_ids.clear();
  std::string().swap(o.keep_pending);
  platform::bulk_clear(kKeptList);
  platform::storage_remove(kOldKeptKey);
}

void organiser_pump(App& app) {
  Organiser& o = g_org;
  if (!app.surveys_loaded()) {
    if (o.busy()) app.request_frame();
    return;
  }
  if (!o.importer) o.importer = std::make_unique<dr::Importer>(app.catalog());
  if (!o.kept_loaded) {
    // What was imported on an earlier visit, read (and verified) again.
    o.kept_loaded = true;
    o.kept_name = app.t("organiser.kept_file") + ".ndjson";
    o.device_name = app.t("organiser.device_file");
    o.kept_loading = true;
    platform::bulk_read(kKeptList, [&app](std::vector<std::string> chunks) {
      Organiser& og = g_org;
      og.kept_loading = false;
      for (const std::string& c : chunks) enqueue(og.kept_name, c);
      // Kept by an earlier version in localStorage: read it with the rest, and move it over.
      const std::string old = platform::storage_get(kOldKeptKey);
      if (!old.empty()) {
        enqueue(og.kept_name, old);
        platform::bulk_append(kKeptList, old, [](bool ok) {
          if (ok) platform::storage_remove(kOldKeptKey);
        });
      }
      app.request_frame();
    });
  }
  // Results finished on this device (the organiser's own phone) join the review.
  for (const app::RecordStore::Entry& e : app.store().results()) {
    if (!o.fed_device.insert(e.result.id).second) continue;
    o.queue.emplace_back(o.device_name, dr::result_to_json(e.result));
  }
  if (o.queue.empty()) {
    if (o.batch_open && !o.receiving) finish_batch(app);
    else if (!o.batch_open) flush_keep(app);
    return;
  }
  const std::size_t before = o.all.size();
  const double t0 = platform::now_ms();
  while (!o.queue.empty() && platform::now_ms() - t0 < kSliceMs) {
    auto [name, text] = std::move(o.queue.front());
    o.queue.pop_front();
    const std::size_t n = o.importer->results().size();
    o.importer->add(text, name);
    if (o.importer->results().size() > n) {
      add_row(*o.importer);
      keep(app, name, o.importer->results().back().id, text);
    }
    ++o.batch_done;
  }
  o.batch_total = std::max(o.batch_total, o.batch_done + o.queue.size());
  if (o.all.size() != before || o.queue.empty()) o.dirty = true;
  if (o.batch_open && !o.busy()) finish_batch(app);
  app.request_frame();
}

void organiser_rebuild(App& app) {
  Organiser& o = g_org;
  o.dirty = false;
  o.rows_built_ms = platform::now_ms();
  o.rows.clear();
  if (!o.importer) return;
  const auto& results = o.importer->results();
  // The survey shown: the one chosen, else the one with most results.
  std::map<std::string, std::size_t> per_survey;
  for (const dr::Result& r : results) ++per_survey[r.survey_id];
  if (!per_survey.count(o.survey_id)) {
    o.survey_id.clear();
    std::size_t best = 0;
    for (auto& [id, n] : per_survey)
      if (n > best) { best = n; o.survey_id = id; }
  }
  o.filter.survey_id = o.survey_id;
  const std::string needle = dr::fold(dr::tidy(o.search));
  for (std::size_t i = 0; i < o.all.size(); ++i) {
    const dr::Result& r = results[o.all[i].result];
    if (!o.filter.matches(r)) continue;
    if (!needle.empty() && o.all[i].search.find(needle) == std::string::npos) continue;
    o.rows.push_back(i);
  }
  const auto& all = o.all;
  auto key_less = [&](std::size_t a, std::size_t b) {
    const OrgRow &x = all[a], &y = all[b];
    switch (o.sort) {
      // As a person orders names: without tone marks first, "Thôn 2" before "Thôn 10".
      case SortBy::Code: return dr::natural_compare_folded(x.code_key, y.code_key) < 0;
      case SortBy::Village: {
        const int c = dr::natural_compare_folded(x.place_key, y.place_key);
        return c ? c < 0 : dr::natural_compare_folded(x.code_key, y.code_key) < 0;
      }
      case SortBy::Level: return std::make_pair(x.level, x.overall.value_or(-1)) < std::make_pair(y.level, y.overall.value_or(-1));
      case SortBy::Overall: return x.overall.value_or(-1) < y.overall.value_or(-1);
      case SortBy::Date: {  // the full time: several households a day
        const dr::Result &rx = results[x.result], &ry = results[y.result];
        return (rx.completed.empty() ? rx.updated : rx.completed) < (ry.completed.empty() ? ry.updated : ry.completed);
      }
      case SortBy::Dimension: {  // not scored (hidden by skip logic) after the lowest when ascending
        const auto& dx = results[x.result].scores.dimensions;
        const auto& dy = results[y.result].scores.dimensions;
        const double px = o.sort_dim < dx.size() ? dx[o.sort_dim].second.value_or(-1) : -1;
        const double py = o.sort_dim < dy.size() ? dy[o.sort_dim].second.value_or(-1) : -1;
        return px < py;
      }
    }
    return false;
  };
  std::stable_sort(o.rows.begin(), o.rows.end(),
                   [&](std::size_t a, std::size_t b) { return o.ascending ? key_less(a, b) : key_less(b, a); });

  const dr::Survey* s = o.survey(app);
  o.target_met.assign(targets().size(), {0, 0});
  if (!s) {
    o.agg = dr::Aggregates();
    o.needs.clear();
    return;
  }
  o.agg = dr::aggregate(results, *s, o.filter);
  o.below_level = std::clamp(o.below_level, 1, std::max(1, int(s->levels.size()) - 1));
  const double below = s->levels.size() > 1 ? s->levels[std::size_t(o.below_level)].min : 0;
  o.needs = dr::training_needs(results, *s, o.filter, below, "village");
  for (std::size_t t = 0; t < targets().size(); ++t) {
    if (targets()[t].survey != s->id) continue;
    for (const dr::Result& r : results) {
      if (!o.filter.matches(r)) continue;
      const dr::Value* v = answer_of(r, targets()[t].question);
      if (!v) continue;
      ++o.target_met[t].second;
      if (meets(targets()[t], *v)) ++o.target_met[t].first;
    }
  }
}

void organiser_text_begin(const std::string& widget_id) { g_org.search_editing = widget_id == "org.search"; }

bool organiser_text_input(const std::string& text) {
  if (!g_org.search_editing) return false;
  g_org.search = text;
  g_org.dirty = true;
  return true;
}

std::string next_household_code(const std::string& last) {
  if (last.empty()) return "HO-001";
  std::size_t d = last.size();
  while (d > 0 && std::isdigit(static_cast<unsigned char>(last[d - 1]))) --d;
  if (d == last.size()) return last + "-2";
  // Keep the zero padding: "HH-009" -> "HH-010".
  const std::string digits = last.substr(d);
  std::string next = std::to_string(std::stoull(digits) + 1);
  if (next.size() < digits.size()) next.insert(0, digits.size() - next.size(), '0');
  return last.substr(0, d) + next;
}

std::string organiser_state_json(const App& app) {
  const Organiser& o = g_org;
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartObject();
  const dr::Importer* imp = o.importer.get();
  w.Key("files"); w.Uint64(imp ? imp->reports().size() : 0);
  w.Key("imported"); w.Uint64(imp ? imp->results().size() : 0);
  w.Key("failed"); w.Uint64(imp ? imp->failed() : 0);
  w.Key("duplicates"); w.Uint64(imp ? imp->duplicates() : 0);
  w.Key("conflicts"); w.Uint64(imp ? imp->conflicts() : 0);
  w.Key("changed"); w.Uint64(imp ? imp->changed() : 0);
  w.Key("busy"); w.Bool(o.busy());
  w.Key("queued"); w.Uint64(o.queue.size());
  w.Key("batch_total"); w.Uint64(o.batch_total);
  w.Key("batch_done"); w.Uint64(o.batch_done);
  w.Key("import_ms"); w.Double(o.last_import_ms);
  w.Key("heap_bytes"); w.Uint64(platform::heap_bytes());
  static const char* tabs[] = {"import", "list", "summary", "training"};
  write_str(w, "tab", tabs[int(o.tab)]);
  write_str(w, "survey", o.survey_id);
  w.Key("filter");
  w.StartObject();
  write_str(w, "province", o.filter.province);
  write_str(w, "commune", o.filter.commune);
  write_str(w, "village", o.filter.village);
  write_str(w, "level", o.filter.level);
  write_str(w, "search", o.search);
  w.EndObject();
  static const char* sorts[] = {"code", "village", "level", "overall", "date", "dimension"};
  write_str(w, "sort", sorts[int(o.sort)]);
  if (const dr::Survey* sv = o.sort == SortBy::Dimension ? o.survey(app) : nullptr)
    write_str(w, "sort_dimension", o.sort_dim < sv->dimensions.size() ? sv->dimensions[o.sort_dim].id : std::string());
  w.Key("ascending"); w.Bool(o.ascending);
  w.Key("rows"); w.Uint64(o.rows.size());
  w.Key("first_rows");  // the top of the table, for checking the sort
  w.StartArray();
  for (std::size_t i = 0; i < o.rows.size() && i < 5; ++i) {
    const std::string& c = o.all[o.rows[i]].code;
    w.String(c.c_str(), rapidjson::SizeType(c.size()));
  }
  w.EndArray();
  write_str(w, "detail", o.detail >= 0 && imp ? imp->results()[o.all[std::size_t(o.detail)].result].id : "");
  w.Key("aggregates");
  w.StartObject();
  w.Key("count"); w.Uint64(o.agg.count);
  w.Key("mean");
  if (o.agg.mean_overall) w.Double(*o.agg.mean_overall); else w.Null();
  w.Key("by_level");
  w.StartArray();
  for (auto n : o.agg.by_level) w.Uint64(n);
  w.EndArray();
  w.Key("dimensions");
  w.StartObject();
  for (const auto& d : o.agg.dimensions) {
    w.Key(d.id.c_str());
    if (d.mean) w.Double(*d.mean); else w.Null();
  }
  w.EndObject();
  w.EndObject();
  w.Key("targets");
  w.StartArray();
  for (std::size_t t = 0; t < targets().size(); ++t) {
    if (o.target_met.size() <= t || !o.target_met[t].second) continue;
    w.StartObject();
    write_str(w, "id", std::string(targets()[t].survey) + "." + targets()[t].question);
    w.Key("met"); w.Uint64(o.target_met[t].first);
    w.Key("answered"); w.Uint64(o.target_met[t].second);
    w.Key("target"); w.Double(targets()[t].percent);
    w.EndObject();
  }
  w.EndArray();
  w.Key("below_level"); w.Int(o.below_level);
  w.Key("training");  // per dimension: respondents below the level, all villages
  w.StartObject();
  for (const auto& n : o.needs) {
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
        write_str(w, "problem", dr::to_key(rep.problem));
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
  write_str(w, "notice", o.notice);
  w.Key("notice_error"); w.Bool(o.notice_error);
  w.Key("enumerator"); w.Bool(o.enumerator);
  w.Key("enumerator_batch"); w.Uint64(o.batch_ids.size());
  w.Key("compare");
  w.StartObject();
  w.Key("open"); w.Bool(o.compare_open);
  write_str(w, "earlier", o.earlier ? o.earlier->id : std::string());
  write_str(w, "error", o.compare_error);
  w.EndObject();
  w.EndObject();
  (void)app;
  return sb.GetString();
}

}  // namespace ui

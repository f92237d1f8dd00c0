// Organiser review (community digital technology team): import many result files, see which were
// bad or changed and why, a table of respondents, the aggregates, who needs which training, exports.
// Also the results-screen extras: enumerator mode (one device, many households) and before/after.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/export_names.hpp"
#include "app/respondent.hpp"
#include "app/tab_export.hpp"
#include "app/targets.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr float kRowH = 76;  // fixed, so ImGuiListClipper can skip the rows out of view

std::string today() { return dr::now_iso8601().substr(0, 10); }

std::string label_of(const dr::Survey& s, const char* question, const std::string& value, const std::string& lang) {
  const dr::Question* q = s.find(question);
  const dr::Option* o = q ? q->find_option(value) : nullptr;
  return o ? o->label.get(lang) : value;
}

std::string level_label(const dr::Survey& s, int level, const std::string& lang) {
  return level >= 0 && level < int(s.levels.size()) ? s.levels[size_t(level)].label.get(lang) : "—";
}

// A file that was not counted, in words the organiser can act on, then the technical detail.
std::string problem_text(const App& app, const dr::FileReport& r) {
  const std::string problem = r.too_big ? "too_big" : dr::to_key(r.problem);
  std::string out = r.file + "\n" + app.t(("import.problem." + problem).c_str());
  if (!r.errors.empty()) {
    std::string detail = r.errors.front();
    if (detail.rfind(r.file + ": ", 0) == 0) detail = detail.substr(r.file.size() + 2);  // named above
    out += "\n" + dr::format(app.t("import.detail"), {detail});
  }
  return out;
}

const dr::Survey* survey_of(App& app, const dr::FileReport& r) {
  for (const auto& s : app.catalog().surveys())
    if (s->id == r.survey_id) return s.get();
  return nullptr;
}

// One stored score that is not what the answers give: "Safety: in the file 80%, recomputed 60%".
std::string difference_text(const App& app, const dr::Survey& s, const dr::ScoreDifference& d) {
  using Kind = dr::ScoreDifference::Kind;
  const std::string& lang = app.lang();
  const std::string none = app.t("import.diff.none");
  std::string what, stored, now;
  if (d.kind == Kind::Level) {
    auto label = [&](const std::string& id) {
      for (const dr::Level& l : s.levels)
        if (l.id == id) return l.label.get(lang);
      return id.empty() ? none : id;
    };
    what = app.t("import.diff.level");
    stored = label(d.stored_level);
    now = label(d.recomputed_level);
  } else {
    what = app.t("import.diff.overall");
    if (d.kind == Kind::Dimension) {
      const int di = s.dimension_index(d.dimension);
      what = di >= 0 ? s.dimensions[size_t(di)].title.get(lang) : d.dimension;
    }
    stored = d.stored ? percent_text(d.stored) : none;
    now = d.recomputed ? percent_text(d.recomputed) : none;
  }
  if (!d.in_survey) return dr::format(app.t("import.diff.not_in_survey"), {what});
  return dr::format(app.t("import.diff.line"), {what, stored, now});
}

std::string share_text(std::size_t n, std::size_t of) {
  char b[48];
  std::snprintf(b, sizeof b, "%zu (%d%%)", n, of ? int(std::lround(100.0 * double(n) / double(of))) : 0);
  return b;
}

// Half-width buttons two to a line (filters on a phone).
bool half_button(const char* id, const std::string& label, bool second) {
  if (second) ImGui::SameLine(0, theme::kGap);  // then the rest of the line is the second half
  const float avail = ImGui::GetContentRegionAvail().x;
  return button(id, label, ButtonStyle::Secondary, second ? avail : (avail - theme::kGap) * 0.5f);
}

// What the organiser's screen works on: the review (app), its table, and the screen's own state.
struct Org {
  App& app;
  app::Review& r;
  app::ResultTable& t;
  OrganiserView& v;
  explicit Org(App& a) : app(a), r(a.review()), t(a.review().table), v(a.organiser_view()) {}
};

// One inline list of choices under the filter buttons; index 0 is "all".
void draw_chooser(App& app, Org& o, const dr::Survey& s) {
  const std::string& lang = app.lang();
  const std::string which = o.v.chooser;
  std::vector<std::pair<std::string, std::string>> items;  // (value, label)
  if (which == "survey") {
    // One entry per survey and version among the results: two versions score differently, so
    // they are never summed together; the version is named when a survey comes in several.
    const auto present = app::ResultTable::surveys_in(o.r.importer()->results());
    for (const auto& sv_key : present) {
      const std::string& id = sv_key.first;
      const auto sv = app.catalog().find(id, sv_key.second);
      std::string label = sv ? sv->title.get(lang) : id;
      if (std::count_if(present.begin(), present.end(), [&](const auto& p) { return p.first == id; }) > 1)
        label = dr::format(app.t("organiser.survey_version"), {label, sv_key.second});
      items.emplace_back(id + '\n' + sv_key.second, label);
    }
  } else if (which == "level") {
    items.emplace_back("", app.t("organiser.all"));
    for (const dr::Level& l : s.levels) items.emplace_back(l.id, l.label.get(lang));
  } else if (which == "sort") {
    items.emplace_back("date", app.t("organiser.sort_date"));
    for (size_t d = 0; d < s.dimensions.size(); ++d) items.emplace_back(std::to_string(d), s.dimensions[d].title.get(lang));
  } else if (which == "below") {
    for (size_t i = 1; i < s.levels.size(); ++i)
      items.emplace_back(std::to_string(i), s.levels[i].label.get(lang) + " (" + percent_text(s.levels[i].min) + ")");
  } else {
    items.emplace_back("", app.t("organiser.all"));
    for (const std::string& v : o.t.values_of(which, o.r.importer()->results(), o.v.tab == OrgTab::Indicators))
      items.emplace_back(v, which == "province" ? label_of(s, "province", v, lang) : v);
  }
  std::string* target = which == "province" ? &o.t.filter.province : which == "commune" ? &o.t.filter.commune
                        : which == "village" ? &o.t.filter.village : which == "level" ? &o.t.filter.level : nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string id = "org.pick." + which + "." + std::to_string(i);
    const bool on = which == "survey" ? items[i].first == o.t.survey_id + '\n' + o.t.survey_version
                    : which == "below" ? items[i].first == std::to_string(o.t.below_level)
                    : which == "sort"  ? (items[i].first == "date" ? o.t.sort == app::SortBy::Date
                                          : o.t.sort == app::SortBy::Dimension && items[i].first == std::to_string(o.t.sort_dim))
                                       : target && *target == items[i].first;
    if (!option_row(id.c_str(), items[i].second, on, false)) continue;
    // The table decides what a choice does (reversing, clearing what no longer fits).
    if (which == "sort" && items[i].first == "date") o.t.choose_sort_date();
    else if (which == "sort") o.t.choose_sort_dimension(i - 1);  // after "date"
    else if (which == "survey") {
      const std::size_t cut = items[i].first.find('\n');
      o.t.choose_survey(items[i].first.substr(0, cut), items[i].first.substr(cut + 1));
    }
    else if (which == "below") o.t.choose_below_level(int(i) + 1);  // levels from the second
    else o.t.choose_filter(which, items[i].first);
    o.v.chooser.clear();
  }
}

void toggle_chooser(Org& o, const char* which) { o.v.chooser = o.v.chooser == which ? "" : which; }

// Nobody left after filtering: say so, and undo every filter in one tap (not four choosers).
void draw_no_match(App& app, Org& o) {
  if (!o.t.filtered()) return;
  message_box(app.t("organiser.no_match"), false);
  if (button("org.clear_filters", app.t("organiser.clear_filters"), ButtonStyle::Secondary)) {
    o.t.clear_filters();
    o.v.chooser.clear();
  }
}

// Province, commune, village (and the level, which only one survey's results have).
void draw_place_filters(App& app, Org& o, const dr::Survey& s, bool with_level) {
  const std::string& lang = app.lang();
  auto all_or = [&](const std::string& v) { return v.empty() ? app.t("organiser.all") : v; };
  const std::string prov = o.t.filter.province.empty() ? app.t("organiser.all") : label_of(s, "province", o.t.filter.province, lang);
  if (half_button("org.f.province", app.t("organiser.province") + ": " + prov, false)) toggle_chooser(o, "province");
  if (half_button("org.f.commune", app.t("organiser.commune") + ": " + all_or(o.t.filter.commune), true)) toggle_chooser(o, "commune");
  const std::string village = app.t("organiser.village") + ": " + all_or(o.t.filter.village);
  if (!with_level) {
    if (button("org.f.village", village, ButtonStyle::Secondary)) toggle_chooser(o, "village");
  } else {
    if (half_button("org.f.village", village, false)) toggle_chooser(o, "village");
    const dr::Level* lv = s.level_by_id(o.t.filter.level);
    if (half_button("org.f.level", app.t("organiser.level") + ": " + (lv ? lv->label.get(lang) : app.t("organiser.all")), true))
      toggle_chooser(o, "level");
  }
  if (!o.v.chooser.empty() && o.v.chooser != "below" && o.v.chooser != "sort" && o.v.chooser != "old_province")
    draw_chooser(app, o, s);
}

void draw_filters(App& app, Org& o, const dr::Survey& s) {
  if (button("org.f.survey", app.t("organiser.survey") + ": " + s.title.get(app.lang()), ButtonStyle::Secondary))
    toggle_chooser(o, "survey");
  draw_place_filters(app, o, s, true);
}

void download_csv(const std::string& name, const std::string& csv) {
  platform::download(name, "text/csv;charset=utf-8", csv);
}

void draw_exports(App& app, Org& o, const dr::Survey& s) {
  if (button("org.export.aggregates", app.t("organiser.export_aggregates"), ButtonStyle::Secondary))
    download_csv(app::export_name(s.id, o.t.filter, today(), "-aggregates.csv"), dr::aggregates_csv(o.t.aggregates(), s, app.strings()));
  if (button("org.export.training", app.t("organiser.export_training"), ButtonStyle::Secondary))
    download_csv(app::export_name(s.id, o.t.filter, today(), "-training.csv"), dr::training_needs_csv(o.t.needs(), s, app.strings()));
  if (button("org.export.ndjson", app.t("organiser.export_ndjson"), ButtonStyle::Secondary))
    platform::download(app::results_ndjson_name(today()), "application/x-ndjson", o.r.importer()->ndjson());
}

// ---------------------------------------------------------------- import page
void draw_import(App& app, Org& o) {
  const std::string& lang = app.lang();
  text(app.t("organiser.import_hint"), theme::muted());
  draw_scan_entry(app);  // "Scan QR codes" (screen_scan.cpp)
  // The reading line keeps its place when reading ends: what is below it must not move under a
  // finger about to tap it (kept results load as the screen opens).
  const float y0 = ImGui::GetCursorPosY();
  if (o.r.busy()) {
    text(dr::format(app.t("organiser.reading"), {std::to_string(o.r.queue.done()), std::to_string(o.r.queue.total())}));
    bar(o.r.queue.total() ? float(o.r.queue.done()) / float(o.r.queue.total()) : 0.f, 18, theme::primary());
    o.v.status_h = std::max(o.v.status_h, ImGui::GetCursorPosY() - y0);
  }
  const dr::Importer* imp = o.r.importer();
  if (!o.r.busy() && imp && !imp->reports().empty()) {  // the same line, said done
    text(app.t("organiser.read_done"), theme::good());
    bar(1.f, 18, theme::good());
  } else if (!o.r.busy()) {  // nothing read yet: its height (one line and the bar, as measured later)
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    ImGui::Dummy(ImVec2(1, std::max(o.v.status_h, ImGui::GetTextLineHeightWithSpacing() + 18 + gap) - gap));
  }
  if (imp && !imp->reports().empty()) {
    text(app.t("organiser.summary"), theme::ink(), FontRole::Title);
    text(dr::format(app.t("organiser.n_files"), {std::to_string(imp->reports().size())}));
    text(dr::format(app.t("organiser.n_verified"), {std::to_string(imp->consistent())}), theme::good());
    if (imp->unsealed()) {
      // Kept and listed apart: the organiser decides whether they count (nothing here decides it).
      text(dr::format(app.t("organiser.n_unsealed"), {std::to_string(imp->unsealed())}), theme::error());
      text(app.t("organiser.unsealed_help"), theme::muted(), FontRole::Small);
      if (button("org.unsealed", app.t(o.t.include_unsealed ? "organiser.unsealed_leave_out" : "organiser.unsealed_include"),
                 ButtonStyle::Secondary))
        o.t.choose_include_unsealed(!o.t.include_unsealed);
    }
    if (imp->changed()) text(dr::format(app.t("organiser.n_changed"), {std::to_string(imp->changed())}), theme::error());
    if (imp->failed()) text(dr::format(app.t("organiser.n_failed"), {std::to_string(imp->failed())}), theme::error());
    if (imp->duplicates()) text(dr::format(app.t("organiser.n_duplicates"), {std::to_string(imp->duplicates())}), theme::muted());
    if (imp->conflicts()) text(dr::format(app.t("organiser.n_conflicts"), {std::to_string(imp->conflicts())}), theme::error());
  }
  if (o.r.notice() != app::Review::Notice::None)
    message_box(notice_text(app), o.r.notice() == app::Review::Notice::NotKeptFull);
  // Bad files with their reasons, then changed ones with each difference (a readable number of each).
  constexpr std::size_t kShow = 100;
  if (imp && imp->failed()) {
    spacing(4);
    text(app.t("organiser.failed_title"), theme::error(), FontRole::Title);
    text(app.t("organiser.failed_help"), theme::muted(), FontRole::Small);
    std::size_t n = 0;
    for (const dr::FileReport& r : imp->reports()) {
      if (r.ok || n++ >= kShow) continue;
      message_box(problem_text(app, r), true);
    }
    if (n > kShow) text(dr::format(app.t("organiser.more"), {std::to_string(n - kShow)}), theme::muted());
  }
  if (imp && imp->changed()) {
    spacing(4);
    text(app.t("organiser.changed_title"), theme::error(), FontRole::Title);
    text(app.t("organiser.changed_help"), theme::muted(), FontRole::Small);
    std::size_t n = 0;
    for (const dr::FileReport& r : imp->reports()) {
      if (!r.changed || n++ >= kShow) continue;
      std::string why = r.file;
      const dr::Survey* rs = survey_of(app, r);
      for (const dr::ScoreDifference& d : r.differences) why += "\n" + (rs ? difference_text(app, *rs, d) : std::string());
      message_box(why, false);
    }
    if (n > kShow) text(dr::format(app.t("organiser.more"), {std::to_string(n - kShow)}), theme::muted());
  }

  if (imp && imp->conflicts()) {
    spacing(4);
    text(app.t("organiser.conflicts_title"), theme::error(), FontRole::Title);
    text(app.t("organiser.conflicts_help"), theme::muted(), FontRole::Small);
    std::size_t n = 0;
    for (const dr::FileReport& r : imp->reports())
      if (r.conflict && n++ < kShow) message_box(r.file, false);
    if (n > kShow) text(dr::format(app.t("organiser.more"), {std::to_string(n - kShow)}), theme::muted());
  }

  // Enumerator mode: the organiser's phone goes from house to house.
  spacing(8);
  separator();
  text(app.t("enum.title"), theme::ink(), FontRole::Title);
  text(app.t("enum.hint"), theme::muted(), FontRole::Small);
  for (const auto& s : dr::newest_surveys(app.catalog())) {
    const std::string id = "enum.start." + s->id;
    if (card(id.c_str(), s->title.get(lang), app.t(s->find("household_code") ? "enum.start" : "enum.start_business"))) {
      app.enumerator().start();
      app.start_survey(s);
      return;
    }
  }
  if (imp && !imp->reports().empty() && !o.r.busy()) {
    spacing(8);
    bool& confirm = o.v.confirm_clear;  // a second tap deletes: nothing is lost by a slip of the thumb
    if (button("org.clear", app.t(confirm ? "organiser.clear_confirm" : "organiser.clear"), ButtonStyle::Danger)) {
      if (confirm) {
        o.r.clear();
        o.v.detail = -1;
      }
      confirm = !confirm;
    }
  }
}

// ---------------------------------------------------------------- table of respondents
void draw_row(App& app, Org& o, const dr::Survey& s, std::size_t index, bool wide) {
  const std::string& lang = app.lang();
  const app::Row& row = o.t.all()[index];
  const dr::Result& r = o.r.importer()->results()[row.result];
  const float w = ImGui::GetContentRegionAvail().x;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(int(index));
  // A screen reader presses the row's node (web/semantics.js) instead of tapping the canvas.
  const bool pressed = ImGui::InvisibleButton("##row", ImVec2(w, kRowH)) || take_activation("org.row." + r.id);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool changed = o.r.importer()->reports()[row.report].changed;
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + kRowH), held ? theme::selected_fill() : theme::surface(), theme::kRounding);
  dl->AddRect(p, ImVec2(p.x + w, p.y + kRowH), changed ? theme::error() : theme::border(), theme::kRounding, 0,
              changed ? 2.5f : 1.5f);
  // Sorted by one area: its % is the figure on the right; the overall moves into the second line.
  const bool by_dim = o.t.sort == app::SortBy::Dimension && o.t.sort_dim < r.scores.dimensions.size();
  const std::string pct = percent_text(by_dim ? r.scores.dimensions[o.t.sort_dim].second : row.overall);
  const std::string code = (row.code.empty() ? "—" : row.code) + (changed ? "  (!)" : "");
  const float pad = 14;
  dl->AddText(ImVec2(p.x + pad, p.y + 10), theme::primary(), code.c_str());
  const float pw = ImGui::CalcTextSize(pct.c_str()).x;
  dl->AddText(ImVec2(p.x + w - pad - pw, p.y + 10), theme::ink(), pct.c_str());
  std::string line2 = (row.village.empty() ? row.commune : row.village) + " · " + level_label(s, row.level, lang);
  if (by_dim) line2 += " · " + app.t("progress.overall") + " " + percent_text(row.overall);
  if (wide) {
    // Each dimension by its number in the key above the table (titles would not fit).
    line2 += " · " + row.date;
    for (size_t d = 0; d < r.scores.dimensions.size() && d < s.dimensions.size(); ++d)
      line2 += " · " + std::to_string(d + 1) + ": " + percent_text(r.scores.dimensions[d].second);
  }
  ImGui::PushFont(font(FontRole::Small));
  dl->PushClipRect(p, ImVec2(p.x + w - pad, p.y + kRowH), true);
  dl->AddText(ImVec2(p.x + pad, p.y + 42), theme::muted(), line2.c_str());
  dl->PopClipRect();
  ImGui::PopFont();
  // Recorded for the test hook where visible in the scrolling body.
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  const float y0 = std::max(p.y, clip.Min.y), y1 = std::min(p.y + kRowH, clip.Max.y);
  if (y1 - y0 >= 8) {
    WidgetRecord rec;
    rec.id = "org.row." + r.id;
    rec.label = row.code + " · " + line2 + " · " + pct;
    rec.kind = "row";
    rec.x = p.x;
    rec.y = y0;
    rec.w = w;
    rec.h = y1 - y0;
    hook_record(std::move(rec));
  }
  if (pressed) {
    o.v.detail = int(index);
    app.scroll_body_to(0);
  }
}

void draw_list(App& app, Org& o, const dr::Survey& s) {
  draw_filters(app, o, s);
  if (text_field("org.search", app.t("organiser.search"), o.t.search, app.t("organiser.search_hint"), "text", false,
                 o.v.search_editing, false)) {
    platform::open_text_overlay("org.search");  // keyboard users; a tap opens it in the browser
  }
  const char* keys[app::kSortSegments] = {"organiser.sort_code", "organiser.sort_village", "organiser.sort_level",
                                     "organiser.sort_overall"};
  std::vector<std::string> labels;
  for (const char* k : keys) labels.push_back(app.t(k));
  const int segment = int(o.t.sort) < app::kSortSegments ? int(o.t.sort) : -1;
  const int pick = segmented("org.sort", labels, segment, o.t.ascending ? 1 : -1);
  if (pick >= 0) o.t.tap_sort_column(app::SortBy(pick));
  // Any other column: the date, or one area's % (e.g. who is weakest at online public services).
  std::string more = app.t("organiser.sort_more");
  if (o.t.sort == app::SortBy::Date || (o.t.sort == app::SortBy::Dimension && o.t.sort_dim < s.dimensions.size())) {
    const std::string what = o.t.sort == app::SortBy::Date ? app.t("organiser.sort_date") : s.dimensions[o.t.sort_dim].title.get(app.lang());
    const char* dir = o.t.sort == app::SortBy::Date ? (o.t.ascending ? "organiser.oldest" : "organiser.newest")
                                             : (o.t.ascending ? "organiser.up" : "organiser.down");
    more = dr::format(app.t("organiser.sorted_by"), {what, app.t(dir)});
  }
  if (button("org.sort.more", more, ButtonStyle::Secondary))
    toggle_chooser(o, "sort");
  if (o.v.chooser == "sort") draw_chooser(app, o, s);
  text(dr::format(app.t("organiser.n_rows"), {std::to_string(o.t.rows().size())}), theme::muted(), FontRole::Small);
  if (o.t.rows().empty()) draw_no_match(app, o);
  const bool wide = ImGui::GetContentRegionAvail().x >= 600;
  if (wide) {
    std::string key;
    for (size_t d = 0; d < s.dimensions.size(); ++d)
      key += (key.empty() ? "" : " · ") + std::to_string(d + 1) + ": " + s.dimensions[d].title.get(app.lang());
    text(app.t("organiser.dimensions_key") + " " + key, theme::muted(), FontRole::Small);
  }
  ImGuiListClipper clip;
  clip.Begin(int(o.t.rows().size()), kRowH + theme::kGap);
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) draw_row(app, o, s, o.t.rows()[size_t(i)], wide);
}

// ---------------------------------------------------------------- aggregates
// A target (%) as a tick on the bar just drawn, whose caption is `caption`.
void target_tick(double target, const std::string& caption) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float cap = ImGui::CalcTextSize(caption.c_str()).x + theme::kGap;
  const float x = a.x + (b.x - a.x - cap) * float(std::min(target, 100.0) / 100);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y - 2), ImVec2(x, b.y + 2), theme::ink(), 3);
}

void draw_summary(App& app, Org& o, const dr::Survey& s) {
  const std::string& lang = app.lang();
  draw_filters(app, o, s);
  const dr::Aggregates& ag = o.t.aggregates();
  text(dr::format(app.t("organiser.respondents"), {std::to_string(ag.count)}), theme::ink(), FontRole::Title);
  if (!ag.count) {
    draw_no_match(app, o);
    return;
  }
  text(app.t("organiser.mean_overall") + ": " + percent_text(ag.mean_overall));
  spacing(4);
  text(app.t("organiser.by_level"), theme::ink(), FontRole::Title);
  // Bars are shares of everyone counted, like the target bars below (not of the biggest group).
  for (size_t i = 0; i < s.levels.size() && i < ag.by_level.size(); ++i) {
    text(s.levels[i].label.get(lang), theme::ink(), FontRole::Small);
    bar(float(ag.by_level[i]) / float(ag.count), 20, theme::primary(), share_text(ag.by_level[i], ag.count));
  }
  if (ag.no_level) text(dr::format(app.t("organiser.no_level"), {std::to_string(ag.no_level)}), theme::muted(), FontRole::Small);

  bool titled = false;
  for (size_t t = 0; t < app::targets().size(); ++t) {
    const auto [met, answered] = o.t.target_met()[t];
    if (app::targets()[t].survey != s.id || !answered) continue;
    if (!titled) {
      spacing(4);
      text(app.t("organiser.targets"), theme::ink(), FontRole::Title);
      titled = true;
    }
    const double share = 100.0 * double(met) / double(answered);
    const bool ok = share >= app::targets()[t].percent;
    text(app.t(app::targets()[t].label_key), theme::ink(), FontRole::Small);
    bar(float(share / 100), 20, ok ? theme::good() : theme::error(), percent_text(share));
    target_tick(app::targets()[t].percent, percent_text(share));
    text(dr::format(app.t(ok ? "organiser.target_met" : "organiser.target_not_met"),
                    {percent_text(app::targets()[t].percent), std::to_string(met), std::to_string(answered)}),
         ok ? theme::good() : theme::error(), FontRole::Small);
  }

  spacing(4);
  text(app.t("organiser.by_dimension"), theme::ink(), FontRole::Title);
  for (size_t i = 0; i < ag.dimensions.size() && i < s.dimensions.size(); ++i) {
    const dr::DimensionAggregate& d = ag.dimensions[i];
    text(s.dimensions[i].title.get(lang));
    bar(d.mean ? float(*d.mean / 100) : 0.f, 18, theme::primary(), percent_text(d.mean));
    // How many people are at each level on this dimension, named: "Cơ bản 12 · Khá 4".
    std::string dist;
    for (size_t l = 0; l < d.by_level.size() && l < s.levels.size(); ++l)
      dist += (dist.empty() ? "" : " · ") + s.levels[l].label.get(lang) + " " + std::to_string(d.by_level[l]);
    text(app.t("organiser.dimension_legend") + ": " + dist, theme::muted(), FontRole::Small);
  }
  spacing(8);
  draw_exports(app, o, s);
}

// ---------------------------------------------------------------- training needs
void draw_training(App& app, Org& o, const dr::Survey& s) {
  const std::string& lang = app.lang();
  draw_filters(app, o, s);
  text(app.t("organiser.training_hint"), theme::muted(), FontRole::Small);
  const std::string below = s.levels.size() > size_t(o.t.below_level) ? s.levels[size_t(o.t.below_level)].label.get(lang) : "";
  if (button("org.below", app.t("organiser.below") + ": " + below, ButtonStyle::Secondary)) toggle_chooser(o, "below");
  if (o.v.chooser == "below") draw_chooser(app, o, s);
  for (const dr::TrainingNeed& n : o.t.needs()) {
    const int di = s.dimension_index(n.dimension);
    if (di < 0) continue;
    std::size_t total = 0;
    for (const auto& g : n.by_group) total += g.second.size();
    spacing(4);
    text(s.dimensions[size_t(di)].title.get(lang), theme::primary(), FontRole::Title);
    text(dr::format(app.t("organiser.need_count"), {std::to_string(total)}), theme::ink(), FontRole::Small);
    for (const auto& [village, ids] : n.by_group) {
      text((village.empty() ? app.t("organiser.no_village") : village) + ": " +
           dr::format(app.t("organiser.people"), {std::to_string(ids.size())}));
      // Household codes, which the team can act on (a long list is cut short; the CSV has all).
      std::string codes;
      for (size_t k = 0; k < ids.size() && k < 40; ++k) {
        const app::Row* row = o.t.find(ids[k]);
        const std::string c = row ? row->code : ids[k].substr(0, 8);
        codes += (codes.empty() ? "" : ", ") + (c.empty() ? ids[k].substr(0, 8) : c);
      }
      if (ids.size() > 40) codes += ", …";
      text(codes, theme::muted(), FontRole::Small);
    }
  }
  spacing(8);
  draw_exports(app, o, s);
}

// ---------------------------------------------------------------- province indicators
// A count as read: whole numbers without decimals ("312"), others with one ("12.5").
std::string count_text(double x) {
  char b[32];
  std::snprintf(b, sizeof b, std::fabs(x - std::round(x)) < 1e-9 ? "%.0f" : "%.1f", x);
  return b;
}

std::string unit_text(const App& app, const std::string& unit) {
  const std::string key = "organiser.unit." + unit;
  const std::string words = app.t(key.c_str());
  return words == key ? unit : words;  // a unit without words yet: its code
}

// One indicator: its title (a tap shows how it is counted), n of N with the unit and the %, a bar
// with the target's tick, the target in words and whether it is met.
void draw_indicator(App& app, Org& o, const dr::IndicatorRow& r, int index) {
  const std::string& lang = app.lang();
  app::IndicatorView& iv = o.r.indicators;
  spacing(4);
  const std::string id = "org.ind." + r.id;
  if (card(id.c_str(), r.title.get(lang), "")) iv.open = iv.open == index ? -1 : index;
  const auto p = r.percent();
  if (!p) {
    text(app.t("organiser.ind_no_data"), theme::muted());
  } else {
    const auto met = app::IndicatorView::met(r);
    const ImU32 color = !met ? theme::primary() : *met ? theme::good() : theme::error();
    text(dr::format(app.t("organiser.ind_count"), {count_text(r.n), count_text(r.N), unit_text(app, r.unit)}), theme::ink());
    bar(float(std::min(*p, 100.0) / 100), 20, color, percent_text(p));
    if (r.target) target_tick(*r.target, percent_text(p));
  }
  if (r.target) {
    const std::string label = r.target_label.get(lang).empty() ? percent_text(r.target) : r.target_label.get(lang);
    const auto met = app::IndicatorView::met(r);
    std::string line = dr::format(app.t("organiser.ind_target"), {label});
    if (met) line += " · " + app.t(*met ? "organiser.ind_met" : "organiser.ind_not_met");
    text(line, !met ? theme::muted() : *met ? theme::good() : theme::error());
  } else {
    text(app.t("organiser.ind_no_target"), theme::muted());
  }
  if (iv.open != index) return;
  text(dr::format(app.t("organiser.ind_definition"), {r.definition.get(lang)}), theme::ink());
  std::string surveys;
  for (const std::string& sid : r.surveys) {
    std::string title = sid;
    for (const auto& sv : app.catalog().surveys())
      if (sv->id == sid) title = sv->title.get(lang);
    surveys += (surveys.empty() ? "" : ", ") + title;
  }
  text(dr::format(app.t("organiser.ind_source"), {r.source, surveys}), theme::muted(), FontRole::Small);
}

// The province before 1 July 2025, so a figure can be held against that province's baseline.
void draw_old_province_filter(App& app, Org& o) {
  app::IndicatorView& iv = o.r.indicators;
  const std::string& lang = app.lang();
  const std::string chosen = iv.old_province().empty() ? app.t("organiser.all") : iv.old_label(iv.old_province(), lang);
  if (button("org.f.old_province", app.t("organiser.old_province") + ": " + chosen, ButtonStyle::Secondary))
    toggle_chooser(o, "old_province");
  if (o.v.chooser == "old_province" && o.r.importer()) {
    std::vector<std::pair<std::string, std::string>> items{{"", app.t("organiser.all")}};
    for (auto& item : iv.old_provinces(o.r.importer()->results(), o.t.filter, lang)) items.push_back(item);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string id = "org.pick.old_province." + std::to_string(i);
      if (!option_row(id.c_str(), items[i].second, iv.old_province() == items[i].first, false)) continue;
      iv.choose_old_province(items[i].first);
      o.v.chooser.clear();
    }
  }
  if (!iv.old_province().empty() && iv.old_unknown() > 0)
    text(dr::format(app.t("organiser.old_unknown"), {std::to_string(iv.old_unknown())}), theme::muted(), FontRole::Small);
}

void draw_indicators(App& app, Org& o, const dr::Survey& s) {
  draw_place_filters(app, o, s, false);
  draw_old_province_filter(app, o);
  text(app.t("organiser.ind_title"), theme::ink(), FontRole::Title);
  if (o.r.busy()) {
    text(app.t("organiser.ind_waiting"), theme::muted());
    return;
  }
  const app::IndicatorView& iv = o.r.indicators;
  text(dr::format(app.t("organiser.ind_hint"), {std::to_string(iv.records())}), theme::muted(), FontRole::Small);
  if (!iv.records()) draw_no_match(app, o);
  for (std::size_t i = 0; i < iv.rows().size(); ++i) draw_indicator(app, o, iv.rows()[i], int(i));
}

// ---------------------------------------------------------------- one result, whole
void draw_detail(App& app, Org& o) {
  const std::string& lang = app.lang();
  const app::Row& row = o.t.all()[size_t(o.v.detail)];
  const dr::Result& r = o.r.importer()->results()[row.result];
  const dr::FileReport& rep = o.r.importer()->reports()[row.report];
  const dr::Survey& s = *r.survey;
  app.begin_screen(1);
  text(row.code.empty() ? r.id : row.code, theme::primary(), FontRole::Title);
  text(s.title.get(lang), theme::muted());
  std::string place;
  for (const std::string& p : {row.village, row.commune, row.province.empty() ? std::string() : label_of(s, "province", row.province, lang)})
    if (!p.empty()) place += (place.empty() ? "" : ", ") + p;
  text(place + (place.empty() ? "" : " · ") + row.date, theme::muted(), FontRole::Small);
  text(app.t("organiser.file") + ": " + rep.file, theme::muted(), FontRole::Small);
  if (rep.changed) {
    std::string why = app.t("organiser.changed_one");
    for (const dr::ScoreDifference& d : rep.differences) why += "\n" + difference_text(app, s, d);
    message_box(why, true);
  }
  text(level_label(s, row.level, lang) + "  ·  " + percent_text(row.overall), theme::primary(), FontRole::Title);
  for (size_t d = 0; d < r.scores.dimensions.size() && d < s.dimensions.size(); ++d) {
    const auto& p = r.scores.dimensions[d].second;
    text(s.dimensions[d].title.get(lang), theme::ink(), FontRole::Small);
    bar(p ? float(*p / 100) : 0.f, 16, theme::primary(), percent_text(p));
  }
  spacing(4);
  text(app.t("organiser.answers"), theme::ink(), FontRole::Title);
  const dr::Answers all = dr::all_answers(r);
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info) continue;
    const dr::Value* v = dr::find_answer(all, q.id);
    if (!v || !v->answered()) continue;
    separator();
    text(q.title.get(lang), theme::muted(), FontRole::Small);
    text(answer_text(q, v, lang));
  }
  app.end_body();
  if (button("org.detail.back", app.t("organiser.back_to_list"), ButtonStyle::Primary)) {
    o.v.detail = -1;
    app.keep_scroll();
  }
  app.end_screen();
}

}  // namespace

void draw_organiser(App& app) {
  Org o(app);  // the review was read and its rows built between frames (organiser_work)
  if (o.v.detail >= 0 && size_t(o.v.detail) < o.t.all().size()) {
    draw_detail(app, o);
    return;
  }
  o.v.detail = -1;
  const dr::Survey* s = o.t.survey(app.catalog());
  app.begin_screen(2);  // the tabs stay in reach of the thumb, above the screen's action
  if (button("org.home", app.t("nav.home"), ButtonStyle::Quiet)) {
    app.go(Screen::Home);
  }
  text(app.t("organiser.title"), theme::primary(), FontRole::Title);
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  if (o.v.tab == OrgTab::Import) {
    draw_import(app, o);
  } else if (!s) {
    message_box(app.t("organiser.nothing_yet"), false);
  } else if (o.v.tab == OrgTab::List) {
    draw_list(app, o, *s);
  } else if (o.v.tab == OrgTab::Summary) {
    draw_summary(app, o, *s);
  } else if (o.v.tab == OrgTab::Training) {
    draw_training(app, o, *s);
  } else {
    draw_indicators(app, o, *s);
  }
  // Under what the tab shows (the rows stay where the eye expects them): the tab as a spreadsheet.
  if (o.v.tab != OrgTab::Import && s && !o.r.busy()) {
    const bool every_survey = o.v.tab == OrgTab::Indicators;  // the level filter does not apply there
    const char* key = app::to_key(app::ExportTab(int(o.v.tab) - int(OrgTab::List)));
    spacing(8);
    draw_xlsx_export(app, o.v.tab, export_stem(key, o.t.filter, !every_survey) + "-" + today() + ".xlsx");
  }
  app.end_body();
  const int tab = segmented("org.tab", {app.t("organiser.tab_import"), app.t("organiser.tab_list"),
                                        app.t("organiser.tab_summary"), app.t("organiser.tab_training"),
                                        app.t("organiser.tab_indicators")},
                            int(o.v.tab));
  if (tab >= 0 && tab != int(o.v.tab)) {
    o.v.tab = OrgTab(tab);
    o.v.chooser.clear();
    app.scroll_body_to(0);
  }
  if (o.v.tab == OrgTab::Import || !s) {
    if (button("org.import", app.t("organiser.import"), ButtonStyle::Primary, -1, !o.r.busy())) platform::open_file_picker();
  } else if (o.v.tab == OrgTab::Indicators) {
    // Exactly the rows the tab shows (not while a batch is read: they are not shown then).
    if (button("org.export.indicators", app.t("organiser.export_indicators"), ButtonStyle::Primary, -1, !o.r.busy()))
      download_csv(app::export_name("indicators", o.t.filter, today(), ".csv", false), o.r.indicators.csv(app.strings()));
  } else if (button("org.export.csv", app.t("organiser.export_csv"), ButtonStyle::Primary)) {
    download_csv(app::export_name(s->id, o.t.filter, today(), ".csv"),
                 dr::results_csv(o.r.importer()->results(), *s, o.t.filter, app.strings()));
  }
  app.end_screen();
}

// ---------------------------------------------------------------- results-screen extras
void draw_enumerator_bar(App& app) {
  app::EnumeratorBatch& batch = app.enumerator();
  Session& ss = app.session();
  if (!batch.on() || !ss.survey) return;  // the result joined the batch when it was finished or opened
  text(dr::format(app.t("enum.batch_count"), {std::to_string(batch.size())}), theme::muted(), FontRole::Small);
  if (button("enum.next", app.t("enum.next"), ButtonStyle::Secondary)) {
    // Same village, a fresh household code; consent again for the new household.
    const std::shared_ptr<const dr::Survey> s = ss.survey;
    const dr::Result last = ss.result;
    app.start_survey(s);
    app.session().answers = app::EnumeratorBatch::next_household(*s, last, app.store());
    app.answers_changed();
    return;
  }
  if (button("enum.export", dr::format(app.t("enum.export"), {std::to_string(batch.size())}), ButtonStyle::Secondary))
    send_file(app, app::batch_ndjson_name(today(), batch.size()), "application/x-ndjson", batch.ndjson());
  if (button("enum.stop", app.t("enum.stop"), ButtonStyle::Quiet)) {
    batch.stop();
    app.go(Screen::Organiser);
  }
}

namespace {
// Before (grey) and after (blue) on one scale: both bars keep the same room for their caption, and
// the change is that of the numbers shown (app::compare_row).
void compare_row(const std::string& label, std::optional<double> before, std::optional<double> after) {
  const app::CompareRow row = app::compare_row(before, after);
  auto shown = [](std::optional<int> p) { return p ? std::to_string(*p) + "%" : std::string("—"); };
  const float caption_w = ImGui::CalcTextSize("100% (+100)").x + theme::kGap;
  text(label, theme::ink(), FontRole::Small);
  bar(row.before ? float(*row.before) / 100 : 0.f, 10, theme::border(), shown(row.before), caption_w);
  std::string caption = shown(row.after);
  if (row.change) caption += *row.change > 0 ? " (+" + std::to_string(*row.change) + ")"
                             : *row.change < 0 ? " (" + std::to_string(*row.change) + ")" : " (=)";
  bar(row.after ? float(*row.after) / 100 : 0.f, 10, theme::primary(), caption, caption_w);
}

// The earlier result names another household or business: said before the comparison.
void warn_other_respondent(App& app, const dr::Result& earlier) {
  const dr::Result& shown = app.session().result;
  if (!app::other_respondent(earlier, shown)) return;
  message_box(dr::format(app.t("progress.other_household"), {app::respondent(earlier), app::respondent(shown)}), true);
}
}  // namespace

void draw_progress_compare(App& app) {
  app::Compare& cmp = app.compare();
  Session& ss = app.session();
  if (!ss.survey) return;
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  cmp.follow(ss.result.id);
  if (!cmp.is_open() && !app::Compare::offered(s, ss.result, app.store())) return;
  spacing(4);
  if (!cmp.is_open()) {
    if (button("progress.open", app.t("progress.open"), ButtonStyle::Secondary)) cmp.open();
    return;
  }
  text(app.t("progress.title"), theme::ink(), FontRole::Title);
  if (cmp.refusal()) message_box(compare_error_text(app), true);
  if (!cmp.earlier()) {
    text(app.t("progress.hint"), theme::muted(), FontRole::Small);
    for (const app::RecordStore::Entry& e : app.store().results()) {
      if (e.result.survey_id != s.id || e.result.id == ss.result.id) continue;
      const std::string id = "progress.pick." + e.result.id;
      const dr::Level* lv = s.level_by_id(e.result.scores.level);
      const std::string who = app::respondent(e.result);
      if (card(id.c_str(), e.result.completed.substr(0, 10) + (who.empty() ? "" : " · " + who),
               (lv ? lv->label.get(lang) : "—") + " · " + percent_text(e.result.scores.overall)))
        cmp.pick(e.result);
    }
    if (button("progress.file", app.t("progress.file"), ButtonStyle::Secondary)) {
      cmp.picking = true;
      platform::open_file_picker();
    }
    return;
  }
  const dr::Result& earlier = *cmp.earlier();
  warn_other_respondent(app, earlier);
  const dr::StoredScores &b = earlier.scores, &a = ss.result.scores;
  const dr::Level *lb = s.level_by_id(b.level), *la = s.level_by_id(a.level);
  text(app.t("progress.before") + ": " + earlier.completed.substr(0, 10) + " · " + (lb ? lb->label.get(lang) : "—"),
       theme::muted(), FontRole::Small);
  text(app.t("progress.after") + ": " + ss.result.completed.substr(0, 10) + " · " + (la ? la->label.get(lang) : "—"),
       theme::muted(), FontRole::Small);
  const int ib = lb ? int(lb - s.levels.data()) : -1, ia = la ? int(la - s.levels.data()) : -1;
  const std::string change = dr::format(app.t("progress.change"), {lb ? lb->label.get(lang) : "—", la ? la->label.get(lang) : "—"});
  text(app.t(ia > ib ? "progress.level_up" : ia < ib ? "progress.level_down" : "progress.level_same") + ": " + change,
       ia > ib ? theme::good() : ia < ib ? theme::error() : theme::ink());
  text(app.t("progress.legend"), theme::muted(), FontRole::Small);
  compare_row(app.t("progress.overall"), b.overall, a.overall);
  for (size_t d = 0; d < s.dimensions.size(); ++d) {
    std::optional<double> pb, pa;
    for (const auto& [id, p] : b.dimensions) if (id == s.dimensions[d].id) pb = p;
    for (const auto& [id, p] : a.dimensions) if (id == s.dimensions[d].id) pa = p;
    compare_row(s.dimensions[d].title.get(lang), pb, pa);
  }
  if (button("progress.other", app.t("progress.other"), ButtonStyle::Quiet)) cmp.pick_again();
}

}  // namespace ui

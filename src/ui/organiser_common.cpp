// What the organiser's tabs share: the filters and their choosers, export names and downloads,
// words for levels, places and score differences.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/export_names.hpp"
#include "app/report_table.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

Org::Org(App& a) : app(a), r(a.review()), t(a.review().table), v(a.organiser_view()) {}

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
    for (const std::string& v : o.t.values_of(which, o.r.importer()->results(), o.v.tab == OrgTab::Indicators || o.v.tab == OrgTab::Villages))
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
void draw_place_filters(App& app, Org& o, const dr::Survey& s, bool with_level, bool with_village) {
  const std::string& lang = app.lang();
  auto all_or = [&](const std::string& v) { return v.empty() ? app.t("organiser.all") : v; };
  const std::string prov = o.t.filter.province.empty() ? app.t("organiser.all") : label_of(s, "province", o.t.filter.province, lang);
  if (half_button("org.f.province", app.t("organiser.province") + ": " + prov, false)) toggle_chooser(o, "province");
  if (half_button("org.f.commune", app.t("organiser.commune") + ": " + all_or(o.t.filter.commune), true)) toggle_chooser(o, "commune");
  const std::string village = app.t("organiser.village") + ": " + all_or(o.t.filter.village);
  if (!with_level) {
    if (with_village && button("org.f.village", village, ButtonStyle::Secondary)) toggle_chooser(o, "village");
  } else {
    if (half_button("org.f.village", village, false)) toggle_chooser(o, "village");
    const dr::Level* lv = s.level_by_id(o.t.filter.level);
    if (half_button("org.f.level", app.t("organiser.level") + ": " + (lv ? lv->label.get(lang) : app.t("organiser.all")), true))
      toggle_chooser(o, "level");
  }
  if (!o.v.chooser.empty() && o.v.chooser != "below" && o.v.chooser != "sort" &&
      o.v.chooser != "old_province" && o.v.chooser != "dates")
    draw_chooser(app, o, s);
  draw_dates(app, o);
}

void draw_filters(App& app, Org& o, const dr::Survey& s) {
  if (button("org.f.survey", app.t("organiser.survey") + ": " + s.title.get(app.lang()), ButtonStyle::Secondary))
    toggle_chooser(o, "survey");
  draw_place_filters(app, o, s, true);
}

void draw_filters_no_village(App& app, Org& o, const dr::Survey& s) {
  if (button("org.f.survey", app.t("organiser.survey") + ": " + s.title.get(app.lang()), ButtonStyle::Secondary))
    toggle_chooser(o, "survey");
  draw_place_filters(app, o, s, false, false);
}

std::string export_file(const Org& o, const std::string& what, const dr::Filter& f, const char* tail, bool with_level) {
  const app::Round* round = o.r.rounds.find(f.date_from, f.date_to);
  return app::export_name(what, f, today(), tail, with_level, round ? round->name : std::string());
}

dr::Filter village_places(const dr::Filter& f) {
  dr::Filter places = f;
  places.village.clear();
  places.level.clear();
  return places;
}

std::string count_text(double x) {
  char b[32];
  std::snprintf(b, sizeof b, std::fabs(x - std::round(x)) < 1e-9 ? "%.0f" : "%.1f", x);
  return b;
}

void download_csv(const std::string& name, const std::string& csv) {
  platform::download(name, "text/csv;charset=utf-8", csv);
}

// The tab's other exports, under its content (its main one is the bottom button).
void draw_exports(App& app, Org& o, const dr::Survey& s) {
  if (o.v.tab != OrgTab::Summary &&
      button("org.export.aggregates", app.t("organiser.export_aggregates"), ButtonStyle::Secondary))
    download_csv(export_file(o, s.id, o.t.filter, "-aggregates.csv"), dr::aggregates_csv(o.t.aggregates(), s, app.strings()));
  if (o.v.tab != OrgTab::Training && button("org.export.training", app.t("organiser.export_training"), ButtonStyle::Secondary))
    download_csv(export_file(o, s.id, o.t.filter, "-training.csv"), app::training_csv(o.t.training(o.r.importer()->results(), app.catalog()), s, app.strings()));
  if (button("org.export.ndjson", app.t("organiser.export_ndjson"), ButtonStyle::Secondary))
    platform::download("digiready-results-" + today() + ".ndjson", "application/x-ndjson", o.r.importer()->ndjson());
}

// ---------------------------------------------------------------- aggregates
// A target (%) as a tick on the bar just drawn, whose caption is `caption`.
void target_tick(double target, const std::string& caption) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float cap = ImGui::CalcTextSize(caption.c_str()).x + theme::kGap;
  const float x = a.x + (b.x - a.x - cap) * float(std::min(target, 100.0) / 100);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y - 2), ImVec2(x, b.y + 2), theme::ink(), 3);
}


int draw_tabs(App& app, Org& o) {
  // Six words side by side at 412 px would crowd: two rows of three, each a full-height target.
  const char* keys[] = {"organiser.tab_import", "organiser.tab_list", "organiser.tab_summary",
                        "organiser.tab_training", "organiser.tab_indicators", "organiser.tab_villages"};
  std::vector<std::string> first, second;
  for (int i = 0; i < 6; ++i) (i < 3 ? first : second).push_back(app.t(keys[i]));
  const int a = segmented("org.tab", first, int(o.v.tab), 0, 0);
  const int b = segmented("org.tab", second, int(o.v.tab), 0, 3);
  return a >= 0 ? a : b;
}

// The bottom button of each tab saves what that tab shows (the other exports stay in the tab).
void draw_tab_export(App& app, Org& o, const dr::Survey& s) {
  const bool idle = !o.r.busy();
  switch (o.v.tab) {
    case OrgTab::Import: break;
    case OrgTab::List:
      if (button("org.export.csv", app.t("organiser.export_csv"), ButtonStyle::Primary))
        download_csv(export_file(o, s.id, o.t.filter, ".csv"),
                     dr::results_csv(o.r.importer()->results(), s, o.t.filter, app.strings()));
      break;
    case OrgTab::Summary:
      if (button("org.export.aggregates", app.t("organiser.export_aggregates"), ButtonStyle::Primary))
        download_csv(export_file(o, s.id, o.t.filter, "-aggregates.csv"),
                     dr::aggregates_csv(o.t.aggregates(), s, app.strings()));
      break;
    case OrgTab::Training:
      if (button("org.export.training", app.t("organiser.export_training"), ButtonStyle::Primary))
        download_csv(export_file(o, s.id, o.t.filter, "-training.csv"),
                     app::training_csv(o.t.training(o.r.importer()->results(), app.catalog()), s, app.strings()));
      break;
    case OrgTab::Indicators:
      // Exactly the rows the tab shows (not while a batch is read: they are not shown then).
      if (button("org.export.indicators", app.t("organiser.export_indicators"), ButtonStyle::Primary, -1, idle))
        download_csv(export_file(o, "indicators", o.t.filter, ".csv", false), o.r.indicators.csv(app.strings()));
      break;
    case OrgTab::Villages:
      if (button("org.export.villages", app.t("organiser.export_villages"), ButtonStyle::Primary, -1, idle))
        download_csv(export_file(o, "villages-" + s.id, village_places(o.t.filter), ".csv", false),
                     app::report_csv(o.r.villages.table()));
      break;
  }
}

}  // namespace ui

// The organiser's indicator tab: the province indicators over every survey, for the place chosen.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
// ---------------------------------------------------------------- province indicators
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

}  // namespace

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
  const dr::Importer& im = *o.r.importer();  // every survey's results, a conflict not decided aside
  draw_counted(app, iv.records(), im.results().size() - im.undecided(), "organiser.ind_counted_of");
  if (!iv.records()) draw_no_match(app, o);
  for (std::size_t i = 0; i < iv.rows().size(); ++i) draw_indicator(app, o, iv.rows()[i], int(i));
}


}  // namespace ui

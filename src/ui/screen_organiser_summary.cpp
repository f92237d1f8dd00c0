// The organiser's summary and training tabs: the survey's sums, targets, who needs which training.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/targets.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

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
namespace {
// What people asked to learn (the survey's want_learn question), most asked first: classes to plan.
void draw_wishes(App& app, Org& o) {
  const app::Wishes& w = o.t.wishes();
  if (w.question.empty() || !w.answered) return;
  spacing(4);
  text(app.t("organiser.wishes_title"), theme::primary(), FontRole::Title);
  text(dr::format(app.t("organiser.wishes_hint"), {std::to_string(w.answered)}), theme::muted(), FontRole::Small);
  std::vector<app::Wishes::Count> counts = w.counts;
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.people > b.people; });
  for (const auto& c : counts) {
    text(c.option->label.get(app.lang()), theme::ink(), FontRole::Small);
    bar(float(c.people) / float(w.answered), 16, theme::primary(), share_text(c.people, w.answered));
  }
}
}  // namespace

void draw_training(App& app, Org& o, const dr::Survey& s) {
  const std::string& lang = app.lang();
  draw_filters(app, o, s);
  text(app.t("organiser.training_hint"), theme::muted(), FontRole::Small);
  const std::string below = s.levels.size() > size_t(o.t.below_level) ? s.levels[size_t(o.t.below_level)].label.get(lang) : "";
  if (button("org.below", app.t("organiser.below") + ": " + below, ButtonStyle::Secondary)) toggle_chooser(o, "below");
  if (o.v.chooser == "below") draw_chooser(app, o, s);
  draw_wishes(app, o);
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


}  // namespace ui

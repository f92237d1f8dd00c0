// The organiser's summary and training tabs: the survey's sums, targets, who needs which training.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/targets.hpp"
#include "app/training_list.hpp"
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
  draw_counted(app, ag.count, o.t.of_survey(), "organiser.counted_of");
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


// The surveys an area is joined from, named: "An toàn (Kỹ năng số … + Thanh toán trực tuyến)".
std::string joined_from(const App& app, const app::TrainingArea& a) {
  std::string names;
  for (const dr::Survey* sv : a.surveys) names += (names.empty() ? "" : " + ") + sv->title.get(app.lang());
  return dr::format(app.t("organiser.area_from"), {names});
}

// One person of an area's list: who, where, every score with its survey; a tap opens the household.
void draw_person(App& app, Org& o, const app::TrainingArea& a, const app::TrainingPerson& p) {
  const std::string where = p.village.empty() ? app.t("organiser.no_village") : p.village;
  const std::string id = "org.need." + a.id + "." + p.who;
  if (!card(id.c_str(), p.who + " · " + where, app::sources_text(p, app.lang()))) return;
  // The household's page: the result with the lowest score, its other surveys below it.
  const dr::Result& r = o.r.importer()->results()[p.scores.front().result];
  if (const app::Row* row = o.t.find(r.id)) {
    o.v.detail = int(row - o.t.all().data());
    app.scroll_body_to(0);
  }
}

void draw_area(App& app, Org& o, const dr::Survey& s, const app::TrainingArea& a) {
  const int di = s.dimension_index(a.id);
  if (di < 0) return;
  spacing(4);
  text(s.dimensions[size_t(di)].title.get(app.lang()), theme::primary(), FontRole::Title);
  if (a.surveys.size() > 1) text(joined_from(app, a), theme::muted(), FontRole::Small);
  draw_counted(app, a.people.size(), a.scored, "organiser.need_of");
  // A long list is cut short (the exports have everyone): the screen stays quick to scroll.
  constexpr std::size_t kShown = 30;
  for (std::size_t i = 0; i < a.people.size() && i < kShown; ++i) draw_person(app, o, a, a.people[i]);
  if (a.people.size() > kShown)
    text(dr::format(app.t("organiser.need_more"), {std::to_string(a.people.size() - kShown)}), theme::muted(), FontRole::Small);
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
  for (const app::TrainingArea& a : o.t.training(o.r.importer()->results(), app.catalog())) draw_area(app, o, s, a);
  spacing(8);
  draw_exports(app, o, s);
}

}  // namespace ui

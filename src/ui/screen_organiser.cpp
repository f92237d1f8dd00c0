// Organiser review (community digital technology team): import many result files, see which were
// bad or changed and why, a table of respondents, the aggregates, who needs which training, exports.
// Also the results-screen extras: enumerator mode (one device, many households) and before/after.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/export_names.hpp"
#include "app/household_surveys.hpp"
#include "app/respondent.hpp"
#include "app/tab_export.hpp"
#include "app/targets.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {


namespace {

// ---------------------------------------------------------------- one result, whole
// The same household's other surveys (by its code): each opens with a tap.
void draw_other_surveys(App& app, Org& o, const dr::Result& r) {
  const auto& results = o.r.importer()->results();
  const std::vector<std::size_t> all = app::household_results(results, app::respondent(r));
  if (all.size() < 2) return;
  text(dr::format(app.t("organiser.other_surveys"), {std::to_string(all.size())}), theme::ink(), FontRole::Small);
  for (std::size_t i : all) {
    const dr::Result& other = results[i];
    if (other.id == r.id || !other.survey) continue;
    const app::Row* row = o.t.find(other.id);
    if (!row) continue;
    const std::string id = "org.detail.other." + other.id;
    const dr::Level* lv = other.survey->level_by_id(other.scores.level);
    if (card(id.c_str(), other.survey->title.get(app.lang()),
             row->date + " · " + (lv ? lv->label.get(app.lang()) : "—") + " · " + percent_text(other.scores.overall))) {
      o.v.detail = int(row - o.t.all().data());
      app.scroll_body_to(0);
    }
  }
}

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
  draw_other_surveys(app, o, r);
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
  // Back to where it was opened from: the list, or the training list (the tab did not change).
  const char* back = o.v.tab == OrgTab::Training ? "organiser.back_to_training" : "organiser.back_to_list";
  if (button("org.detail.back", app.t(back), ButtonStyle::Primary)) {
    o.v.detail = -1;
    app.keep_scroll();
  }
  app.end_screen();
}


// The tab's spreadsheet, named like its CSV: the village table names every village of the place.
std::string xlsx_name(const Org& o, const dr::Survey& s) {
  if (o.v.tab == OrgTab::Villages) return export_file(o, "villages-" + s.id, village_places(o.t.filter), ".xlsx", false);
  const bool every_survey = o.v.tab == OrgTab::Indicators;  // the level filter does not apply there
  const char* key = app::to_key(app::ExportTab(int(o.v.tab) - int(OrgTab::List)));
  return export_file(o, key, o.t.filter, ".xlsx", !every_survey);
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
  app.begin_screen(3);  // the tabs (two rows) stay in reach of the thumb, above the screen's action
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
  } else if (o.v.tab == OrgTab::Indicators) {
    draw_indicators(app, o, *s);
  } else {
    draw_villages(app, o, *s);
  }
  // Under what the tab shows (its rows stay where the eye expects them): the tab as a spreadsheet.
  if (o.v.tab != OrgTab::Import && s && !o.r.busy()) {
    spacing(8);
    draw_xlsx_export(app, o.v.tab, xlsx_name(o, *s));
  }
  app.end_body();
  const int tab = draw_tabs(app, o);
  if (tab >= 0 && tab != int(o.v.tab)) {
    o.v.tab = OrgTab(tab);
    o.v.chooser.clear();
    app.scroll_body_to(0);
  }
  if (o.v.tab == OrgTab::Import || !s) {
    if (button("org.import", app.t("organiser.import"), ButtonStyle::Primary, -1, !o.r.busy())) platform::open_file_picker();
  } else {
    draw_tab_export(app, o, *s);
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
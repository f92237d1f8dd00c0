// Home: the app's name, language and text-size switches, the bundled surveys, drafts to continue,
// results kept on this device, and the way into the organiser's review.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/question_count.hpp"
#include "app/locales.hpp"
#include "app/respondent.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
// "2026-11-23T08:15:00Z" -> "23/11/2026" or "2026-11-23", as the locale's format.date orders them.
std::string short_date(const App& app, const std::string& iso) {
  if (iso.size() < 10) return iso;
  return dr::format(app.t("format.date"), {iso.substr(0, 4), iso.substr(5, 2), iso.substr(8, 2)});
}

// Why a kept record does not open here, in the reader's words.
std::string unopened_reason(App& app, const app::RecordStore::Unopened& u) {
  switch (u.problem) {
    case dr::ReadProblem::NewerApp: return app.t("home.unopened_newer");
    case dr::ReadProblem::UnknownSurvey: return dr::format(app.t("home.unopened_survey"), {u.survey_version});
    default: return app.t("home.unopened_invalid");
  }
}

// Kept records this build cannot open: listed (never hidden), each downloadable as it is stored.
void draw_unopened(App& app) {
  const auto& list = app.store().unopened();
  if (list.empty()) return;
  spacing(4);
  text(app.t("home.unopened"), theme::ink(), FontRole::Title);
  for (const app::RecordStore::Unopened& u : list) {
    std::string title = u.survey_id;
    for (const auto& s : app.catalog().surveys())
      if (s->id == u.survey_id) title = s->title.get(app.lang());
    if (!title.empty()) text(title);
    text(unopened_reason(app, u), theme::muted(), FontRole::Small);
    const std::string id = "home.unopened." + u.key;
    if (button(id.c_str(), app.t("home.download_unopened"), ButtonStyle::Secondary))
      platform::download(u.key.substr(u.key.rfind('.') + 1) + ".json", "application/json", u.text);
  }
}
// The organiser's keep, by its noted size: cleared from here (a second tap confirms) without being
// read, so a keep too big to open can still go.
void draw_kept_imports(App& app) {
  app::Review& rv = app.review();
  const std::size_t bytes = rv.kept.stored_bytes();
  if (bytes == 0 || rv.busy()) return;
  spacing(4);
  // "850 KB" or "12,4 MB" (a decimal comma in Vietnamese).
  char size[32];
  if (bytes < (std::size_t(1) << 20)) std::snprintf(size, sizeof size, "%zu KB", (bytes + 1023) / 1024);
  else std::snprintf(size, sizeof size, "%.1f MB", double(bytes) / (1 << 20));
  std::string words = size;
  if (app.lang() == "vi") std::replace(words.begin(), words.end(), '.', ',');
  text(dr::format(app.t("home.kept"), {words}), theme::muted(), FontRole::Small);
  if (delete_button(app, "home.kept_clear", app::KeptResults::kList, "home.kept_clear")) {
    rv.clear();
    app.flash(app.t("delete.done"), false);
  }
}

// "10/42": answered of counted, the one count of every screen (app/question_count.hpp).
std::string draft_count(const app::RecordStore::Entry& d) {
  const app::QuestionCount c = app::count_questions(d.result);
  return std::to_string(c.answered) + "/" + std::to_string(c.total);
}
}  // namespace

void draw_home(App& app) {
  app.begin_screen(1);
  const std::string& lang = app.lang();

  text(app.t("app.name"), theme::primary(), FontRole::Title);
  text(app.t("app.tagline"), theme::muted());
  spacing(4);

  const std::vector<app::LanguageChoice> langs = app::language_choices(app.strings());
  std::vector<std::string> names;
  int at = 0;
  for (const app::LanguageChoice& c : langs) {
    if (c.lang == lang) at = int(names.size());
    names.push_back(c.name);
  }
  const int pick = segmented("home.lang", names, at);
  if (pick >= 0 && pick != at) app.set_lang(langs[size_t(pick)].lang);
  int size = segmented("home.textsize", {app.t("home.text_normal"), app.t("home.text_large")}, app.large_text() ? 1 : 0);
  if (size >= 0) app.set_large_text(size == 1);

  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  if (platform::update_ready() && card("home.update", app.t("home.update"), app.t("home.update_detail")))
    platform::apply_update();

  const app::RecordStore& store = app.store();
  // Drafts first: people coming back want to carry on.
  if (!store.drafts().empty()) {
    spacing(4);
    text(app.t("home.continue"), theme::ink(), FontRole::Title);
    for (const app::RecordStore::Entry& d : store.drafts()) {
      const dr::Survey& s = *d.result.survey;
      std::string label = app.t("home.continue_item") + ": " + s.title.get(lang);
      std::string detail = draft_count(d) + " · " + short_date(app, d.result.updated);
      const std::string code = app::respondent(d.result);
      if (!code.empty()) detail += " · " + code;
      std::string id = "home.draft." + d.result.id;
      if (card(id.c_str(), label, detail)) app.resume(d);
      if (delete_from_list(app, "home.delete." + d.result.id, d.key)) break;
    }
  }

  spacing(4);
  text(app.t("home.surveys"), theme::ink(), FontRole::Title);
  if (!app.surveys_loaded()) {
    text(app.t("home.loading_surveys"), theme::muted());
  } else if (app.catalog().surveys().empty()) {
    message_box(app.t("home.no_surveys"), true);
  }
  // New surveys start on the newest version; older ones stay loaded for their drafts and results.
  for (const auto& s : dr::newest_surveys(app.catalog())) {
    const int asked = app::count_questions(*s, {}).total;  // as the survey counts them (question_count.hpp)
    std::string detail = dr::format(app.t("home.survey_detail"), {std::to_string(s->minutes), std::to_string(asked)});
    std::string id = "home.survey." + s->id;
    const std::string title = s->title.get(lang);
    // A card: title, then minutes and number of questions.
    if (card(id.c_str(), title, detail)) app.start_survey(s);
  }
  for (const std::string& e : app.survey_errors()) message_box(app.t("home.survey_error") + " " + e, true);

  if (!store.results().empty()) {
    spacing(4);
    text(app.t("home.results"), theme::ink(), FontRole::Title);
    for (const app::RecordStore::Entry& r : store.results()) {
      const dr::Survey& s = *r.result.survey;
      // Stored scores were checked against a recomputation when the store was read.
      const dr::Level* lv = s.level_by_id(r.result.scores.level);
      std::string detail = short_date(app, r.result.completed) + " · " + (lv ? lv->label.get(lang) : "") + " " +
                           percent_text(r.result.scores.overall);
      const std::string code = app::respondent(r.result);
      if (!code.empty()) detail = code + " · " + detail;
      std::string id = "home.result." + r.result.id;
      if (card(id.c_str(), s.title.get(lang), detail)) app.open_result(r);
      draw_send_kept(app, r.result);
      if (delete_from_list(app, "home.delete." + r.result.id, r.key)) break;
    }
  }

  if (!store.asides().empty()) {
    spacing(4);
    message_box(app.t("storage.set_aside"), true);
    for (const app::RecordStore::Aside& a : store.asides()) {
      std::string id = "home.aside." + a.key;
      if (button(id.c_str(), app.t("home.download_aside"), ButtonStyle::Secondary)) {
        platform::download(a.key.substr(a.key.rfind('.') + 1) + ".json", "application/json", a.text);
      }
    }
  }

  draw_unopened(app);
  draw_kept_imports(app);

  spacing(8);
  separator();
  text(app.t("home.organiser_hint"), theme::muted(), FontRole::Small);

  app.end_body();
  if (button("home.organiser", app.t("home.organiser"), ButtonStyle::Secondary)) app.go(Screen::Organiser);
  app.end_screen();
}

}  // namespace ui

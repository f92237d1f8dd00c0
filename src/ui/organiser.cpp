#include "ui/organiser.hpp"

#include <algorithm>

#include "platform/platform.hpp"
#include "ui/app.hpp"

namespace ui {

std::string notice_text(App& app) {
  switch (app.review().notice()) {
    case app::Review::Notice::None: return {};
    case app::Review::Notice::Kept: return app.t("organiser.kept");
    case app::Review::Notice::NotKeptFull: return app.t("organiser.not_kept_full");
    case app::Review::Notice::NotKeptCap:
      return dr::format(app.t("organiser.not_kept_cap"), {std::to_string(app.review().kept.cap_bytes() >> 20)});
  }
  return {};
}

std::string compare_error_text(App& app) {
  const auto& r = app.compare().refusal();
  if (!r) return {};
  if (r->problem == dr::ReadProblem::None) return app.t("progress.other_survey");
  return r->file + ": " + app.t(("import.problem." + std::string(dr::to_key(r->problem))).c_str());
}

void organiser_init(App& app) {
  app::Review& rv = app.review();
  rv.on_change = [&app] { app.request_frame(); };
  platform::set_import_handler({
      [&app](int count) {
        app::Compare& cmp = app.compare();
        // One file after "compare with a file" goes to the comparison (results screen). Anything
        // else (a cancelled picker leaves the flag set, then a drop arrives) is a normal import.
        if (cmp.picking && count == 1 && app.screen() == Screen::Results) return;
        cmp.picking = false;
        app.review().begin_import(count);
        // Files dropped anywhere land on the organiser's import page.
        if (app.screen() != Screen::Organiser) app.go(Screen::Organiser);
        app.organiser_view().tab = OrgTab::Import;
        app.organiser_view().detail = -1;
        app.request_frame();
      },
      [&app](const std::string& name, const std::string& text) {
        app::Compare& cmp = app.compare();
        if (cmp.picking) {
          const Session& ss = app.session();
          cmp.take_file(name, text, app.catalog(), ss.survey ? ss.survey->id : std::string());
        } else {
          app.review().add_file(name, text);
        }
        app.request_frame();
      },
      [&app]() {
        app.review().end_import();
        app.compare().picking = false;
        app.request_frame();
      },
      [](const std::string& name) { return app::ImportQueue::limit(name); },
      [&app](const std::string& name, std::size_t bytes, bool no_memory) {
        app::Compare& cmp = app.compare();
        // The comparison takes one result: one too big for that is refused there, as unreadable.
        if (cmp.picking) {
          const Session& ss = app.session();
          cmp.take_file(name, std::string(), app.catalog(), ss.survey ? ss.survey->id : std::string());
        } else {
          app.review().add_unread(name, bytes, no_memory);
        }
        app.request_frame();
      },
  });
}

namespace {
// Only on the organiser's screen or while an import runs, so never in the first frame: loaded after
// it (src/platform/later_code.hpp).
DR_LATER_CODE void organiser_work_now(App& app, bool on_screen) {
  app::Review& rv = app.review();
  if (!app.surveys_loaded()) {
    if (rv.busy()) app.request_frame();
    return;
  }
  // Named once, before the first read: results read back are known by this name afterwards.
  if (!rv.kept.loaded()) rv.set_source_names(app.t("organiser.kept_file") + ".ndjson", app.t("organiser.device_file"));
  if (rv.pump(app.store())) app.request_frame();
  rv.refresh();
  // The indicator tab's rows, worked out again only when the results or the place changed (and
  // not while a batch is still being read: each time slice would start them over).
  if (on_screen && app.organiser_view().tab == OrgTab::Indicators && rv.importer() && !rv.busy()) {
    rv.indicators.use_catalog(app.catalog());  // the old provinces, once
    if (rv.indicators.update(rv.importer()->results(), rv.table.filter, app.lang(), rv.importer()->edits())) app.request_frame();
  }
  const dr::Survey* s = rv.table.survey(app.catalog());
  if (on_screen && app.organiser_view().tab == OrgTab::Villages && s && !rv.busy())
    if (rv.villages.update(rv.importer()->results(), *s, rv.table.filter, app.lang(), app.t("organiser.village"),
                           app.t("organiser.vt_results"), rv.importer()->edits()))
      app.request_frame();
}
}  // namespace

void organiser_work(App& app) {
  const bool on_screen = app.screen() == Screen::Organiser;
  if (!on_screen && !app.review().busy()) return;  // what earlier visits kept is read on the first visit
  organiser_work_now(app, on_screen);
}

void organiser_text_begin(App& app, const std::string& widget_id) {
  OrganiserView& v = app.organiser_view();
  v.search_editing = widget_id == "org.search";
  v.form_editing = widget_id.rfind("org.round.", 0) == 0 ? widget_id : std::string();
}

bool organiser_text_input(App& app, const std::string& text) {
  OrganiserView& v = app.organiser_view();
  if (v.search_editing) {
    app.review().table.set_search(text);
    return true;
  }
  std::string* field = v.form_editing == "org.round.name" ? &v.round_name
                       : v.form_editing == "org.round.from" ? &v.round_from
                       : v.form_editing == "org.round.to"   ? &v.round_to
                                                            : nullptr;
  if (!field) return false;
  *field = text;
  return true;
}

}  // namespace ui

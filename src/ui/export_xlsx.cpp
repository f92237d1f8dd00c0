// The organiser's "Excel (.xlsx)" button, the same on every tab: what the tab shows as one sheet
// (app/tab_export.hpp), written by the browser's spreadsheet module (platform::export_xlsx), which is
// fetched on the first press only. How it went is said under the button.
#include "app/tab_export.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/widgets.hpp"

namespace ui {

void draw_xlsx_export(App& app, OrgTab tab, const std::string& file_name) {
  OrganiserView& v = app.organiser_view();
  const std::string label = app.t(v.xlsx_busy ? "organiser.xlsx_busy" : "organiser.export_xlsx");
  const bool pressed = button("org.export.xlsx", label, ButtonStyle::Secondary, -1, !v.xlsx_busy);
  if (!v.xlsx_note.empty()) message_box(v.xlsx_note, v.xlsx_failed);
  if (!pressed || tab == OrgTab::Import) return;
  app::Review& r = app.review();
  const auto which = app::ExportTab(int(tab) - int(OrgTab::List));  // the same order, after Import
  const app::Workbook wb = app::tab_workbook(which, r.table, r.indicators, r.villages, r.importer()->results(), app.catalog(),
                                             app.strings(), platform::utc_offset_minutes());
  v.xlsx_busy = true;
  v.xlsx_note.clear();
  platform::export_xlsx(file_name, app::to_json(wb), [&app](const std::string& problem) {
    OrganiserView& view = app.organiser_view();
    view.xlsx_busy = false;
    view.xlsx_failed = !problem.empty();
    view.xlsx_note = problem.empty()       ? app.t("organiser.xlsx_done")
                     : problem == "load" ? app.t("organiser.xlsx_no_module")
                                         : dr::format(app.t("organiser.xlsx_failed"), {problem});
    platform::announce(view.xlsx_note);  // the button may be out of view of a screen reader's focus
    app.scroll_body_to(1e9f);  // the button ends the page: the note under it comes into view (clamped)
    app.request_frame();
  });
}

}  // namespace ui

// The organiser's "Excel (.xlsx)" button, the same on every tab: what the tab shows as one sheet
// (app/tab_export.hpp), written by the browser's spreadsheet module (platform::export_xlsx), which is
// fetched on the first press only. The organiser hears back through the screen's message line.
#include "app/tab_export.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/widgets.hpp"

namespace ui {

void draw_xlsx_export(App& app, OrgTab tab, const std::string& file_name) {
  OrganiserView& v = app.organiser_view();
  const std::string label = app.t(v.xlsx_busy ? "organiser.xlsx_busy" : "organiser.export_xlsx");
  if (!button("org.export.xlsx", label, ButtonStyle::Secondary, -1, !v.xlsx_busy) || tab == OrgTab::Import) return;
  app::Review& r = app.review();
  const auto which = app::ExportTab(int(tab) - int(OrgTab::List));  // the same order, after Import
  const app::Workbook wb = app::tab_workbook(which, r.table, r.indicators, r.importer()->results(), app.catalog(),
                                             app.lang(), platform::utc_offset_minutes());
  v.xlsx_busy = true;
  platform::export_xlsx(file_name, app::to_json(wb), [&app](const std::string& problem) {
    app.organiser_view().xlsx_busy = false;
    if (problem.empty()) app.flash(app.t("organiser.xlsx_done"), false);
    else if (problem == "load") app.flash(app.t("organiser.xlsx_no_module"), true);
    else app.flash(dr::format(app.t("organiser.xlsx_failed"), {problem}), true);
    app.request_frame();
  });
}

}  // namespace ui

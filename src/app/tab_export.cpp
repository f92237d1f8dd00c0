#include "app/tab_export.hpp"

#include "app/workbook_sheets.hpp"

namespace app {

namespace {
constexpr const char* kKeys[] = {"list", "summary", "training", "indicators", "villages"};
}

const char* to_key(ExportTab t) { return kKeys[int(t)]; }

std::optional<ExportTab> export_tab_from(std::string_view key) {
  for (int i = 0; i < 5; ++i)
    if (key == kKeys[i]) return ExportTab(i);
  return std::nullopt;
}

Workbook tab_workbook(ExportTab tab, const ResultTable& table, const IndicatorView& indicators, const VillageView& villages,
                      const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog,
                      const dr::Strings& words, int utc_offset_minutes) {
  Workbook wb;
  if (tab == ExportTab::Indicators) {
    wb.sheets.push_back(indicators_sheet(indicators.rows(), words));
    return wb;
  }
  if (tab == ExportTab::Villages) {
    wb.sheets.push_back(villages_sheet(villages.table(), words));
    return wb;
  }
  const dr::Survey* s = table.survey(catalog);
  if (!s) return wb;
  if (tab == ExportTab::List) {
    // The list's rows in the list's order (filter, search and sort as shown).
    std::vector<const dr::Result*> shown;
    shown.reserve(table.rows().size());
    for (std::size_t i : table.rows()) shown.push_back(&results[table.all()[i].result]);
    wb.sheets.push_back(households_sheet(shown, *s, words, utc_offset_minutes));
  } else if (tab == ExportTab::Summary) {
    wb.sheets.push_back(summary_sheet(table.aggregates(), *s, words));
  } else {
    wb.sheets.push_back(training_sheet(table.training(results, catalog), *s, words));
  }
  return wb;
}

}  // namespace app

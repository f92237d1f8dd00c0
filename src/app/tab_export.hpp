// What each organiser tab exports as a spreadsheet: exactly what the tab shows (the rows the filter,
// search and sort give), as one sheet. The browser and `digiready export` both call this, so the
// CLI's files test the page's.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app/indicator_view.hpp"
#include "app/result_table.hpp"
#include "app/village_table.hpp"
#include "app/workbook.hpp"

namespace app {

enum class ExportTab { List, Summary, Training, Indicators, Villages };
// "list", "summary", "training", "indicators", "villages" (the file name's part)
const char* to_key(ExportTab t);
std::optional<ExportTab> export_tab_from(std::string_view key);

// `table` rebuilt for the results; `indicators` and `villages` updated (only their tabs read them).
Workbook tab_workbook(ExportTab tab, const ResultTable& table, const IndicatorView& indicators, const VillageView& villages,
                      const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog,
                      const dr::Strings& words, int utc_offset_minutes);

}  // namespace app

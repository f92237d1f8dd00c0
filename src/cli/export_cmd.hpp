// `digiready export`: one organiser tab as a spreadsheet (.xlsx), built by the same code as the
// page's export button (app/tab_export.hpp) and written by the same writer (xlsx/xlsx_writer.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/importer.hpp"

namespace drcli {

// args: everything after "export". Returns the exit code (2: usage).
int cmd_export(const std::vector<std::string>& args);

// --from, --to and --utc-offset as typed → the dates of a filter, as the page's dates and rounds
// take them: local completion days ("2026-06-30" or "30/06/2026", both included, "" open) at the
// offset ("+07:00", "-05:30", "+7", "420" minutes; none: the machine's own, as the page uses the
// phone's). False when one of them cannot be read.
bool parse_period(const std::string& from, const std::string& to, const std::string& offset, dr::Filter& dates);

}  // namespace drcli

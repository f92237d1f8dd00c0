// `digiready export`: one organiser tab as a spreadsheet (.xlsx), built by the same code as the
// page's export button (app/tab_export.hpp) and written by the same writer (xlsx/xlsx_writer.hpp).
#pragma once
#include <string>
#include <vector>

namespace drcli {

// args: everything after "export". Returns the exit code (2: usage).
int cmd_export(const std::vector<std::string>& args);

// "+07:00", "-05:30", "+7", "420" (minutes) → minutes east of UTC; false when not one of these.
bool parse_utc_offset(const std::string& text, int& minutes);
// The machine's own offset now: the default, as the page uses the phone's.
int local_offset_minutes();

}  // namespace drcli

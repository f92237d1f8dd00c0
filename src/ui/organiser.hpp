// The organiser's screen state and its glue to the browser. What the organiser decides lives in
// src/app (app::Review: import queue, keep, table; app::EnumeratorBatch; app::Compare), owned by
// App; this is what only the screen needs, and the handlers that turn browser events into calls.
#pragma once
#include <cstddef>
#include <set>
#include <string>

#include "app/rounds.hpp"

namespace ui {

class App;

enum class OrgTab { Import, List, Summary, Training, Indicators, Villages };

struct OrganiserView {
  OrgTab tab = OrgTab::Import;
  std::string chooser;         // which inline chooser is open: "survey", "province", ...
  int detail = -1;             // index into the table's rows (all()) of the result opened, -1 = none
  bool search_editing = false; // the search box has the browser's text overlay
  bool confirm_clear = false;  // "delete all" was tapped once: a second tap deletes
  float status_h = 0;          // the import page's reading line, tallest seen: kept when reading ends
  std::set<std::size_t> open_reports;  // import tab: the files whose technical detail is shown
  bool xlsx_busy = false;      // a spreadsheet is being written (the button waits)
  std::string xlsx_note;       // how the last one went, shown under the button
  bool xlsx_failed = false;
  // The dates chooser's new round, as typed; which of its fields has the text overlay.
  bool round_form = false;
  std::string round_name, round_from, round_to, form_editing;
  app::Rounds::Problem round_problem = app::Rounds::Problem::None;
};

void organiser_init(App& app);  // import handler; once, from App::init
// Between frames: reads queued files for a time slice, rebuilds the table when it changed.
void organiser_work(App& app);
// In the reader's words: how keeping the last batch went; why a file cannot be compared ("" if none).
std::string notice_text(App& app);
std::string compare_error_text(App& app);
// The search box uses the browser's text overlay; App's text handler passes these on.
void organiser_text_begin(App& app, const std::string& widget_id);
bool organiser_text_input(App& app, const std::string& text);  // true when it was the search box

// Drawn on the results screen (screen_results.cpp calls them): enumerator mode's "next household"
// and batch export; the before/after comparison with an earlier result of the same survey.
void draw_enumerator_bar(App& app);
// The tab's spreadsheet export button (export_xlsx.cpp); `file_name` ends in .xlsx.
void draw_xlsx_export(App& app, OrgTab tab, const std::string& file_name);
void draw_progress_compare(App& app);

}  // namespace ui

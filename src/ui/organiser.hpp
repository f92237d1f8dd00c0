// Organiser review state (issue 5): files queued by the browser and read a time-slice per frame,
// the verified results with their table rows, the filter and sort, enumerator mode and the
// before/after comparison. Drawn by screen_organiser.cpp; the core does the reading and sums.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include "app/respondent.hpp"
#include "core/digiready.hpp"

namespace ui {

class App;

// What a table row shows, worked out once per result (sorting 10,000 rows each frame is too slow).
struct OrgRow {
  std::size_t result = 0;  // index into Importer::results()
  std::size_t report = 0;  // index into Importer::reports() (flags, differences)
  std::string code, province, commune, village, date;
  std::optional<double> overall;
  int level = -1;  // index into Survey::levels
  std::string search;  // code + places folded (no case, no tone marks), for the search box
  std::string code_key, place_key;  // folded, for ordering
};

// A national target a survey can be measured against (../shared/frameworks.md, 2025 targets).
struct Target {
  const char* survey;
  const char* question;
  std::vector<const char*> values;  // any of these answers meets it
  double percent;
  const char* label_key;
};
const std::vector<Target>& targets();

enum class OrgTab { Import, List, Summary, Training };
// The first kSortSegments are the segmented control; Date and Dimension come from the "more" chooser.
enum class SortBy { Code, Village, Level, Overall, Date, Dimension };
constexpr int kSortSegments = 4;

struct Organiser {
  std::unique_ptr<dr::Importer> importer;
  std::deque<std::pair<std::string, std::string>> queue;  // (file name, text) waiting to be read
  std::size_t batch_total = 0, batch_done = 0;  // the batch on its way (progress bar)
  bool receiving = false;                        // the browser is still handing over files
  bool batch_open = false;                       // a batch from the browser not yet finished
  double batch_start_ms = 0, last_import_ms = 0;
  std::vector<OrgRow> all;   // one per verified result, import order
  std::unordered_map<std::string, std::size_t> by_id;  // result id -> index into `all`
  std::vector<std::size_t> rows;  // indices into `all`: filtered and sorted
  bool dirty = true;
  double rows_built_ms = 0;
  // Worked out with the rows, for the current filter (not the search box).
  dr::Aggregates agg;
  std::vector<dr::TrainingNeed> needs;
  std::vector<std::pair<std::size_t, std::size_t>> target_met;  // per targets() entry: (met, answered)

  OrgTab tab = OrgTab::Import;
  std::string survey_id;  // the survey shown (aggregates need exactly one)
  dr::Filter filter;
  std::string search;
  bool search_editing = false;
  SortBy sort = SortBy::Code;
  std::size_t sort_dim = 0;  // SortBy::Dimension: index into Survey::dimensions
  bool ascending = true;
  std::string chooser;  // which inline chooser is open: "survey", "province", ...
  int detail = -1;      // index into `all` of the result opened, -1 = none
  int below_level = 2;  // training needs: below this level's minimum
  bool kept_loaded = false;
  bool kept_loading = false;               // reading what an earlier visit kept
  std::string kept_name, device_name;      // file names of kept results / of this device's own
  std::set<std::string> kept_ids;          // results already in bulk storage (or on this device)
  std::set<std::string> fed_device;  // device results already fed in (by id)
  std::string notice;                // after a batch: kept on this device or not
  bool notice_error = false;

  // Enumerator mode: one device, many households.
  bool enumerator = false;
  std::vector<std::string> batch_ids;   // results completed in this session
  std::vector<std::string> batch_json;  // their records, for the batch file

  // Before/after comparison on the results screen.
  bool compare_open = false, compare_picking = false;
  std::string compare_for;  // result id the comparison belongs to
  std::optional<dr::Result> earlier;
  std::string compare_error;

  std::string keep_pending;                // verified results not yet sent to bulk storage (NDJSON)
  std::size_t keeping = 0;                 // chunks on their way to bulk storage
  bool keep_failed = false;                // one of this batch's chunks was refused (storage full)
  bool busy() const { return receiving || kept_loading || keeping || !queue.empty(); }
  const dr::Survey* survey(const App& app) const;
};

Organiser& organiser();

void organiser_init(App& app);  // import handler; once, from App::init
void organiser_pump(App& app);  // reads queued files for about 10 ms, then asks for another frame
void organiser_clear();
void organiser_rebuild(App& app);  // rows for the current filter, search and sort
std::string organiser_state_json(const App& app);
// The search box uses the browser's text overlay; App's text handler passes these on.
void organiser_text_begin(const std::string& widget_id);
bool organiser_text_input(const std::string& text);  // true when it was the search box

// Drawn on the results screen (screen_results.cpp calls them): enumerator mode's "next household"
// and batch export; the before/after comparison with an earlier result of the same survey.
void draw_enumerator_bar(App& app);
void draw_progress_compare(App& app);
// "HH-007" -> "HH-008"; "" -> "HO-001": a fresh household code for the next household.
std::string next_household_code(const std::string& last);

}  // namespace ui

// Inside the organiser's screen: what its tabs (screen_organiser_*.cpp) share. Layout and calls
// only; what the organiser decides is in src/app (app::Review and its tables).
#pragma once
#include <cstddef>
#include <string>

#include "app/review.hpp"
#include "core/digiready.hpp"
#include "ui/organiser.hpp"

namespace ui {

class App;

// What the organiser's screen works on: the review (app), its table, and the screen's own state.
struct Org {
  App& app;
  app::Review& r;
  app::ResultTable& t;
  OrganiserView& v;
  explicit Org(App& a);
};

// ---- shared (organiser_common.cpp) ----
std::string today();
std::string label_of(const dr::Survey& s, const char* question, const std::string& value, const std::string& lang);
std::string level_label(const dr::Survey& s, int level, const std::string& lang);
const dr::Survey* survey_of(App& app, const dr::FileReport& r);
std::string difference_text(const App& app, const dr::Survey& s, const dr::ScoreDifference& d);
std::string share_text(std::size_t n, std::size_t of);
bool half_button(const char* id, const std::string& label, bool second);
void draw_chooser(App& app, Org& o, const dr::Survey& s);
void toggle_chooser(Org& o, const char* which);
void draw_no_match(App& app, Org& o);
// Province, commune, village (and the level, which only one survey's results have).
void draw_place_filters(App& app, Org& o, const dr::Survey& s, bool with_level, bool with_village = true);
void draw_filters(App& app, Org& o, const dr::Survey& s);
void draw_filters_no_village(App& app, Org& o, const dr::Survey& s);  // the village tab: every village
// The completion dates (a round, this month, this year, every time) under the place filters
// (screen_organiser_dates.cpp), and how many results the filters leave of how many: `key` says
// "{0} / {1} ...".
void draw_dates(App& app, Org& o);
void draw_counted(App& app, std::size_t n, std::size_t of, const char* key);
// The village tab's place: the filter without its village and level (every village is a row).
dr::Filter village_places(const dr::Filter& f);
// The name of an export of the organiser's view (app::export_name): what it holds, the places, level
// and period of `f` (a round by its name), today.
std::string export_file(const Org& o, const std::string& what, const dr::Filter& f, const char* tail,
                        bool with_level = true);
// A count as read: whole numbers without decimals ("312"), others with one ("12.5").
std::string count_text(double x);
void download_csv(const std::string& name, const std::string& csv);
void draw_exports(App& app, Org& o, const dr::Survey& s);
void target_tick(double target, const std::string& caption);
// The tab strip: two rows of three, each a full 48 px+ target with room for its word.
int draw_tabs(App& app, Org& o);

// ---- the tabs ----
void draw_import(App& app, Org& o);                           // screen_organiser_import.cpp
void draw_list(App& app, Org& o, const dr::Survey& s);        // screen_organiser_table.cpp
void draw_summary(App& app, Org& o, const dr::Survey& s);     // screen_organiser_summary.cpp
void draw_training(App& app, Org& o, const dr::Survey& s);
void draw_indicators(App& app, Org& o, const dr::Survey& s);  // screen_organiser_indicators.cpp
void draw_villages(App& app, Org& o, const dr::Survey& s);    // screen_organiser_villages.cpp
// Each tab's main (bottom) button: exports what the tab shows.
void draw_tab_export(App& app, Org& o, const dr::Survey& s);

}  // namespace ui

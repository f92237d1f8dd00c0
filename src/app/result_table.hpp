// The organiser's table of verified results: one row per result, worked out once (sorting 10,000
// rows each frame is too slow); the rows the filter, search and sort give; and, for the filter,
// the sums (aggregates, training needs, national targets).
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/training_list.hpp"
#include "app/wishes.hpp"
#include "core/digiready.hpp"

namespace app {

struct Row {
  std::size_t result = 0;  // index into Importer::results()
  std::size_t report = 0;  // index into Importer::reports() (flags, differences)
  std::string code, province, commune, village, date;
  std::optional<double> overall;
  int level = -1;                   // index into Survey::levels
  std::string search;               // code + places folded (no case, no tone marks), for the search box
  std::string code_key, place_key;  // folded, for ordering
};

// The first kSortSegments are the segmented control; Date and Dimension come from the "more" chooser.
enum class SortBy { Code, Village, Level, Overall, Date, Dimension };
constexpr int kSortSegments = 4;
const char* to_key(SortBy s);  // "code", "village", ...

class ResultTable {
 public:
  // What to show: set these, then mark dirty (rebuild() applies them).
  // The survey shown, id and version (aggregates need exactly one: two versions of a survey score
  // differently): the one chosen (choose_survey), else the one with most results so far.
  std::string survey_id, survey_version;
  dr::Filter filter;
  std::string search;
  SortBy sort = SortBy::Code;
  std::size_t sort_dim = 0;  // SortBy::Dimension: index into Survey::dimensions
  bool ascending = true;
  int below_level = 2;  // training needs: below this level's minimum
  bool dirty = true;
  // Results without a checksum ("not sealed": nothing shows they are unchanged) count in the rows
  // and sums only when the organiser chooses to include them.
  bool include_unsealed = false;

  // ---- what a tap chooses (each marks the table dirty) ----
  // One of the first kSortSegments columns: again on the current one reverses it; code and village
  // start A to Z, level and % highest first.
  void tap_sort_column(SortBy column);
  // From the "more" chooser: the date (newest first) or one area's % (weakest first: who needs
  // help comes first); again on the current one reverses it.
  void choose_sort_date();
  void choose_sort_dimension(std::size_t dim);
  // Another survey (or another version of it): its own filters and areas.
  void choose_survey(const std::string& id, const std::string& version);
  // The (id, version) pairs among the results, most results first, and whether an id comes in
  // more than one version (the chooser then names the version).
  using SurveyKey = std::pair<std::string, std::string>;  // id, version
  static std::vector<SurveyKey> surveys_in(const std::vector<dr::Result>& results);
  // A place or level filter ("province", "commune", "village", "level"); a commune clears the village.
  void choose_filter(const std::string& field, const std::string& value);
  void choose_below_level(int level);
  // The completion dates every tab counts (local "YYYY-MM-DD", "" = open; a round's or typed).
  void choose_dates(const std::string& from, const std::string& to, int utc_offset_minutes);
  void choose_include_unsealed(bool on);
  void set_search(const std::string& text);
  bool filtered() const;  // any place, level or search narrowing the rows
  void clear_filters();
  // The distinct values of a place ("province", "commune", "village") among the shown survey's
  // results (of every survey with `every_survey`: the indicator tab counts them all), narrowed by
  // the places already chosen, in a person's order.
  std::vector<std::string> values_of(const std::string& field, const std::vector<dr::Result>& results,
                                     bool every_survey = false) const;

  // A newly verified result (the importer's last), with its report's index.
  void add(const dr::Result& r, std::size_t result_index, std::size_t report_index);
  // Another copy of a result already in the table now counts (a conflict decided): its row again.
  void replace(const dr::Result& r, std::size_t result_index, std::size_t report_index);
  void clear();
  // Rows for the current survey, filter, search and sort; the sums for the filter.
  void rebuild(const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog);
  // The same rows and sums as rebuild(), working only on the results added since the last update()
  // when nothing else changed (survey, filter, search, sort; no row replaced, none cleared; `edits`,
  // the importer's count of results changed in place, the same): refreshing while 10,000 files are
  // read then costs what the new ones cost, not a walk over every result each time.
  void update(const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog, std::size_t edits);

  const dr::Survey* survey(const dr::SurveyCatalog& catalog) const;
  const std::vector<Row>& all() const { return all_; }  // import order
  const Row* find(const std::string& result_id) const;
  const std::vector<std::size_t>& rows() const { return rows_; }  // indices into all()
  const dr::Aggregates& aggregates() const { return agg_; }
  const std::vector<dr::TrainingNeed>& needs() const { return needs_; }
  // The training tab's list: each area of the survey shown joined across the surveys scoring it.
  // Worked out on first use after a rebuild, not on every rebuild while a batch is read: only the
  // training tab and its exports read it.
  const std::vector<TrainingArea>& training(const std::vector<dr::Result>& results,
                                            const dr::SurveyCatalog& catalog) const;
  // N of "n of N": the results of the survey shown, whatever the filter (a conflict not decided aside).
  std::size_t of_survey() const { return of_survey_; }
  const Wishes& wishes() const { return wishes_; }  // the training wishes among the filtered results
  // Per targets() entry: (met, answered) among the filtered results.
  const std::vector<std::pair<std::size_t, std::size_t>>& target_met() const { return target_met_; }

 private:
  using SurveyCounts = std::map<SurveyKey, std::size_t>;
  static std::vector<SurveyKey> by_count(const SurveyCounts& n);  // surveys_in's order
  void pick_survey(const std::vector<dr::Result>& results);
  void show_survey(const std::string& id, const std::string& version);  // with that survey's filters cleared
  bool shown(const dr::Result& r) const { return r.survey_id == survey_id && r.survey_version == survey_version; }
  // What the rows and sums depend on besides the results.
  using View = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, bool,
                          std::string, int, std::size_t, bool, int, bool, std::string, std::string, int>;
  View view() const;
  void add_rows(const std::vector<dr::Result>& results, std::size_t from);
  void order(const std::vector<dr::Result>& results, std::size_t from);
  void sums(const std::vector<dr::Result>& results, const dr::Survey& s, std::size_t from);

  std::vector<Row> all_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<std::size_t> rows_;
  dr::Aggregates agg_;
  std::vector<dr::TrainingNeed> needs_;
  mutable std::vector<TrainingArea> training_;  // a cache: see training()
  mutable bool training_stale_ = false;
  double below_percent_ = 0;
  std::size_t of_survey_ = 0;
  Wishes wishes_;
  std::vector<std::pair<std::size_t, std::size_t>> target_met_;
  // What the last update() covered, for the next one (no view: start again).
  std::optional<View> built_view_;
  std::size_t built_edits_ = 0;
  const dr::Survey* built_survey_ = nullptr;
  std::size_t built_rows_ = 0, built_results_ = 0;
  std::optional<dr::AggregateSum> sum_;
  bool survey_chosen_ = false;  // by a person (choose_survey): kept while results come in
  // Results per survey among the first counted_ results (update(): the leader while none is chosen).
  SurveyCounts survey_counts_;
  std::size_t counted_ = 0, counted_edits_ = 0;
};

}  // namespace app

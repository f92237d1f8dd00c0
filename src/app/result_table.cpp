#include "app/result_table.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/respondent.hpp"
#include "app/targets.hpp"

namespace app {

namespace {
const dr::Value* answer_of(const dr::Result& r, const std::string& id) {
  for (const dr::Answers* m : {&r.answers, &r.profile}) {
    auto it = m->find(id);
    if (it != m->end() && it->second.answered()) return &it->second;
  }
  return nullptr;
}

const std::string& when(const dr::Result& r) { return r.completed.empty() ? r.updated : r.completed; }
}  // namespace

const char* to_key(SortBy s) {
  static const char* keys[] = {"code", "village", "level", "overall", "date", "dimension"};
  return keys[int(s)];
}

void ResultTable::tap_sort_column(SortBy column) {
  if (column == sort) ascending = !ascending;
  else {
    sort = column;
    ascending = column == SortBy::Code || column == SortBy::Village;
  }
  dirty = true;
}

void ResultTable::choose_sort_date() {
  if (sort == SortBy::Date) ascending = !ascending;
  else {
    sort = SortBy::Date;
    ascending = false;
  }
  dirty = true;
}

void ResultTable::choose_sort_dimension(std::size_t dim) {
  if (sort == SortBy::Dimension && sort_dim == dim) ascending = !ascending;
  else {
    sort = SortBy::Dimension;
    sort_dim = dim;
    ascending = true;
  }
  dirty = true;
}

void ResultTable::choose_survey(const std::string& id, const std::string& version) {
  show_survey(id, version);
  survey_chosen_ = !id.empty();
  dirty = true;
}

void ResultTable::show_survey(const std::string& id, const std::string& version) {
  survey_id = id;
  survey_version = version;
  dr::Filter dates;  // the dates chosen stay: they are no survey's
  dates.date_from = filter.date_from;
  dates.date_to = filter.date_to;
  dates.utc_offset_minutes = filter.utc_offset_minutes;
  filter = dates;
  if (sort == SortBy::Dimension) sort = SortBy::Code;  // that survey has other areas
}

void ResultTable::choose_filter(const std::string& field, const std::string& value) {
  if (field == "province") filter.province = value;
  else if (field == "commune") {
    filter.commune = value;
    filter.village.clear();
  } else if (field == "village") filter.village = value;
  else if (field == "level") filter.level = value;
  dirty = true;
}

void ResultTable::choose_dates(const std::string& from, const std::string& to, int utc_offset_minutes) {
  filter.date_from = from;
  filter.date_to = to;
  filter.utc_offset_minutes = utc_offset_minutes;
  dirty = true;
}

void ResultTable::choose_include_unsealed(bool on) {
  include_unsealed = on;
  dirty = true;
}

void ResultTable::choose_below_level(int level) {
  below_level = level;
  dirty = true;
}

void ResultTable::set_search(const std::string& text) {
  search = text;
  dirty = true;
}

bool ResultTable::filtered() const {
  return !filter.province.empty() || !filter.commune.empty() || !filter.village.empty() || !filter.level.empty() ||
         !search.empty() || filter.dated();
}

void ResultTable::clear_filters() {
  filter = dr::Filter();
  filter.survey_id = survey_id;
  search.clear();
  dirty = true;
}

std::vector<std::string> ResultTable::values_of(const std::string& f, const std::vector<dr::Result>& results,
                                                bool every_survey) const {
  std::set<std::string> out;
  for (const Row& r : all_) {
    if (!every_survey && !shown(results[r.result])) continue;
    if (f != "province" && !filter.province.empty() && r.province != filter.province) continue;
    if (f == "village" && !filter.commune.empty() && r.commune != filter.commune) continue;
    const std::string& v = f == "province" ? r.province : f == "commune" ? r.commune : r.village;
    if (!v.empty()) out.insert(v);
  }
  std::vector<std::string> sorted(out.begin(), out.end());
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) { return dr::natural_compare(a, b) < 0; });
  return sorted;
}

namespace {
Row make_row(const dr::Result& r, std::size_t result_index, std::size_t report_index) {
  Row row;
  row.result = result_index;
  row.report = report_index;
  // As typed, tidied: "Thôn Đông " and "Thôn Đông" are one village (the core's filters agree).
  row.code = respondent(r);
  row.province = dr::tidy(profile_text(r, "province"));
  row.commune = dr::tidy(profile_text(r, "commune"));
  row.village = dr::tidy(profile_text(r, "village"));
  row.date = when(r).substr(0, std::min<std::size_t>(10, when(r).size()));
  row.overall = r.scores.overall;
  if (r.survey)
    for (std::size_t i = 0; i < r.survey->levels.size(); ++i)
      if (r.survey->levels[i].id == r.scores.level) row.level = int(i);
  // Search and order ignore case and tone marks ("dong" finds "Đông"); the province by its name.
  std::string province_names;
  const dr::Question* pq = r.survey ? r.survey->find("province") : nullptr;
  if (const dr::Option* po = pq ? pq->find_option(row.province) : nullptr)
    for (const auto& [lang, label] : po->label.items) province_names += " " + label;
  row.search = dr::fold(row.code + " " + row.province + province_names + " " + row.commune + " " + row.village);
  row.code_key = dr::fold(row.code);
  row.place_key = dr::fold(row.commune) + '\x1f' + dr::fold(row.village);
  return row;
}
}  // namespace

void ResultTable::add(const dr::Result& r, std::size_t result_index, std::size_t report_index) {
  by_id_.emplace(r.id, all_.size());
  all_.push_back(make_row(r, result_index, report_index));
  dirty = true;
}

void ResultTable::replace(const dr::Result& r, std::size_t result_index, std::size_t report_index) {
  auto it = by_id_.find(r.id);
  if (it == by_id_.end()) return add(r, result_index, report_index);
  all_[it->second] = make_row(r, result_index, report_index);
  built_view_.reset();  // a row already ordered and summed changed
  dirty = true;
}

void ResultTable::clear() {
  built_view_.reset();
  survey_chosen_ = false;
  survey_counts_.clear();
  counted_ = 0;
  all_.clear();
  by_id_.clear();
  rows_.clear();
  dirty = true;
}

const Row* ResultTable::find(const std::string& result_id) const {
  auto it = by_id_.find(result_id);
  return it == by_id_.end() ? nullptr : &all_[it->second];
}

const dr::Survey* ResultTable::survey(const dr::SurveyCatalog& catalog) const {
  return catalog.find(survey_id, survey_version).get();
}

std::vector<ResultTable::SurveyKey> ResultTable::surveys_in(const std::vector<dr::Result>& results) {
  SurveyCounts n;
  for (const dr::Result& r : results) ++n[{r.survey_id, r.survey_version}];
  return by_count(n);
}

std::vector<ResultTable::SurveyKey> ResultTable::by_count(const SurveyCounts& n) {
  std::vector<SurveyKey> out;
  for (auto& [key, count] : n) out.push_back(key);
  // Most results first; ties by id, then the newer version first.
  std::stable_sort(out.begin(), out.end(), [&](const SurveyKey& a, const SurveyKey& b) {
    if (n.at(a) != n.at(b)) return n.at(a) > n.at(b);
    if (a.first != b.first) return a.first < b.first;
    return dr::compare_versions(a.second, b.second) > 0;
  });
  return out;
}

// The survey shown: the one a person chose (while it has results), else the one with most results.
void ResultTable::pick_survey(const std::vector<dr::Result>& results) {
  const auto present = surveys_in(results);
  if (survey_chosen_)
    for (const auto& p : present)
      if (p.first == survey_id && p.second == survey_version) return;
  survey_chosen_ = false;
  const auto pick = present.empty() ? std::pair<std::string, std::string>() : present.front();
  if (pick.first == survey_id && pick.second == survey_version) return;
  if (survey_id.empty()) std::tie(survey_id, survey_version) = pick;
  else show_survey(pick.first, pick.second);  // another survey's levels and areas: its own filters
}

void ResultTable::order(const std::vector<dr::Result>& results, std::size_t from) {
  auto key_less = [&](std::size_t a, std::size_t b) {
    const Row &x = all_[a], &y = all_[b];
    switch (sort) {
      // As a person orders names: without tone marks first, "Thôn 2" before "Thôn 10".
      case SortBy::Code: return dr::natural_compare_folded(x.code_key, y.code_key) < 0;
      case SortBy::Village: {
        const int c = dr::natural_compare_folded(x.place_key, y.place_key);
        return c ? c < 0 : dr::natural_compare_folded(x.code_key, y.code_key) < 0;
      }
      case SortBy::Level:
        return std::make_pair(x.level, x.overall.value_or(-1)) < std::make_pair(y.level, y.overall.value_or(-1));
      case SortBy::Overall: return x.overall.value_or(-1) < y.overall.value_or(-1);
      case SortBy::Date: return when(results[x.result]) < when(results[y.result]);  // the full time
      case SortBy::Dimension: {  // not scored (hidden by skip logic) after the lowest when ascending
        const auto& dx = results[x.result].scores.dimensions;
        const auto& dy = results[y.result].scores.dimensions;
        const double px = sort_dim < dx.size() ? dx[sort_dim].second.value_or(-1) : -1;
        const double py = sort_dim < dy.size() ? dy[sort_dim].second.value_or(-1) : -1;
        return px < py;
      }
    }
    return false;
  };
  auto less = [&](std::size_t a, std::size_t b) { return ascending ? key_less(a, b) : key_less(b, a); };
  // Rows from `from` on are newer (higher indices) than the ordered ones before: a stable merge puts
  // ties after them, exactly where a stable sort of all the rows would.
  const auto mid = rows_.begin() + std::ptrdiff_t(from);
  std::stable_sort(mid, rows_.end(), less);
  std::inplace_merge(rows_.begin(), mid, rows_.end(), less);
}

void ResultTable::sums(const std::vector<dr::Result>& results, const dr::Survey& s, std::size_t from) {
  if (from == 0) {
    below_level = std::clamp(below_level, 1, std::max(1, int(s.levels.size()) - 1));
    sum_.emplace(s, filter);
    needs_.assign(s.dimensions.size(), dr::TrainingNeed());
    for (std::size_t i = 0; i < s.dimensions.size(); ++i) needs_[i].dimension = s.dimensions[i].id;
    target_met_.assign(targets().size(), {0, 0});
    wishes_ = no_wishes(s);
  }
  for (std::size_t i = from; i < results.size(); ++i) sum_->add(results[i]);
  agg_ = sum_->result();
  const double below = s.levels.size() > 1 ? s.levels[std::size_t(below_level)].min : 0;
  dr::add_training_needs(needs_, results, from, s, filter, below, "village");
  add_wishes(wishes_, results, from, s, filter);
  below_percent_ = below;
  training_stale_ = true;
  for (std::size_t t = 0; t < targets().size(); ++t) {
    if (targets()[t].survey != s.id) continue;
    for (std::size_t i = from; i < results.size(); ++i) {
      const dr::Result& r = results[i];
      if (!shown(r) || !filter.matches(r)) continue;
      const dr::Value* v = answer_of(r, targets()[t].question);
      if (!v) continue;
      ++target_met_[t].second;
      if (meets(targets()[t], *v)) ++target_met_[t].first;
    }
  }
}

const std::vector<TrainingArea>& ResultTable::training(const std::vector<dr::Result>& results,
                                                     const dr::SurveyCatalog& catalog) const {
  if (training_stale_) {
    const dr::Survey* s = survey(catalog);
    training_ = s ? training_list(results, *s, filter, below_percent_) : std::vector<TrainingArea>();
    training_stale_ = false;
  }
  return training_;
}

ResultTable::View ResultTable::view() const {
  return View(survey_id, survey_version, filter.province, filter.commune, filter.village, filter.level,
              filter.complete_only, search, int(sort), sort_dim, ascending, below_level, include_unsealed,
              filter.date_from, filter.date_to, filter.utc_offset_minutes);
}

// The rows of all_[from..] that pass the filter and search, put in order among those before.
void ResultTable::add_rows(const std::vector<dr::Result>& results, std::size_t from) {
  const std::size_t ordered = rows_.size();
  const std::string needle = dr::fold(dr::tidy(search));
  for (std::size_t i = from; i < all_.size(); ++i) {
    if (!shown(results[all_[i].result]) || !filter.matches(results[all_[i].result])) continue;
    if (!needle.empty() && all_[i].search.find(needle) == std::string::npos) continue;
    rows_.push_back(i);
  }
  order(results, ordered);
  // N of "n of N", run on over the new rows only (a result held by a conflict changes the rows
  // already counted only through Importer::edits(), which makes update() rebuild from 0).
  if (from == 0) of_survey_ = 0;
  for (std::size_t i = from; i < all_.size(); ++i) of_survey_ += shown(results[all_[i].result]) && !results[all_[i].result].held;
  built_rows_ = all_.size();
}

void ResultTable::rebuild(const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog) {
  dirty = false;
  rows_.clear();
  pick_survey(results);
  filter.survey_id = survey_id;
  filter.include_unsealed = include_unsealed;
  add_rows(results, 0);
  built_survey_ = survey(catalog);
  if (built_survey_) {
    sums(results, *built_survey_, 0);
  } else {
    agg_ = dr::Aggregates();
    needs_.clear();
    training_.clear();
    training_stale_ = false;
    wishes_ = Wishes();
    target_met_.assign(targets().size(), {0, 0});
  }
  built_results_ = results.size();
  built_view_.reset();  // update() knows whether results changed since; rebuild() alone does not
}

void ResultTable::update(const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog, std::size_t edits) {
  // A survey chosen stays while results are only added; anything else changed: from the start. Until
  // a person chooses, the survey shown is the one with most results so far, which can change while
  // files are read (a batch need not start with the survey most of it holds). Counted as results
  // come, like the rows: a refresh costs what the new results cost.
  if (results.size() < counted_ || edits != counted_edits_) {
    survey_counts_.clear();
    counted_ = 0;
    counted_edits_ = edits;
  }
  for (; counted_ < results.size(); ++counted_) ++survey_counts_[{results[counted_].survey_id, results[counted_].survey_version}];
  const bool leader_changed = !survey_chosen_ && !survey_counts_.empty() &&
                              by_count(survey_counts_).front() != SurveyKey(survey_id, survey_version);
  if (leader_changed || !built_survey_ || built_survey_ != survey(catalog) || !built_view_ || *built_view_ != view() ||
      built_edits_ != edits || built_rows_ > all_.size() || built_results_ > results.size()) {
    rebuild(results, catalog);
    built_view_ = view();
    built_edits_ = edits;
    return;
  }
  dirty = false;
  add_rows(results, built_rows_);
  sums(results, *built_survey_, built_results_);
  built_results_ = results.size();
}

}  // namespace app

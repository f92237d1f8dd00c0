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
  survey_id = id;
  survey_version = version;
  dr::Filter dates;  // the dates chosen stay: they are no survey's
  dates.date_from = filter.date_from;
  dates.date_to = filter.date_to;
  dates.utc_offset_minutes = filter.utc_offset_minutes;
  filter = dates;
  if (sort == SortBy::Dimension) sort = SortBy::Code;  // that survey has other areas
  dirty = true;
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

void ResultTable::choose_include_unsealed(bool on) {
  include_unsealed = on;
  dirty = true;
}

void ResultTable::choose_below_level(int level) {
  below_level = level;
  dirty = true;
}

void ResultTable::choose_dates(const std::string& from, const std::string& to, int utc_offset_minutes) {
  filter.date_from = from;
  filter.date_to = to;
  filter.utc_offset_minutes = utc_offset_minutes;
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
  dirty = true;
}

void ResultTable::clear() {
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

std::vector<std::pair<std::string, std::string>> ResultTable::surveys_in(const std::vector<dr::Result>& results) {
  std::map<std::pair<std::string, std::string>, std::size_t> n;
  for (const dr::Result& r : results) ++n[{r.survey_id, r.survey_version}];
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& [key, count] : n) out.push_back(key);
  // Most results first; ties by id, then the newer version first.
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    if (n[a] != n[b]) return n[a] > n[b];
    if (a.first != b.first) return a.first < b.first;
    return dr::compare_versions(a.second, b.second) > 0;
  });
  return out;
}

// The survey shown: the one chosen, else the one with most results.
void ResultTable::pick_survey(const std::vector<dr::Result>& results) {
  const auto present = surveys_in(results);
  for (const auto& p : present)
    if (p.first == survey_id && p.second == survey_version) return;
  survey_id.clear();
  survey_version.clear();
  if (!present.empty()) std::tie(survey_id, survey_version) = present.front();
}

void ResultTable::order(const std::vector<dr::Result>& results) {
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
  std::stable_sort(rows_.begin(), rows_.end(),
                   [&](std::size_t a, std::size_t b) { return ascending ? key_less(a, b) : key_less(b, a); });
}

void ResultTable::sums(const std::vector<dr::Result>& results, const dr::Survey& s) {
  agg_ = dr::aggregate(results, s, filter);
  below_level = std::clamp(below_level, 1, std::max(1, int(s.levels.size()) - 1));
  const double below = s.levels.size() > 1 ? s.levels[std::size_t(below_level)].min : 0;
  needs_ = dr::training_needs(results, s, filter, below, "village");
  wishes_ = count_wishes(results, s, filter);
  below_percent_ = below;
  training_stale_ = true;
  for (std::size_t t = 0; t < targets().size(); ++t) {
    if (targets()[t].survey != s.id) continue;
    for (const dr::Result& r : results) {
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

void ResultTable::rebuild(const std::vector<dr::Result>& results, const dr::SurveyCatalog& catalog) {
  dirty = false;
  rows_.clear();
  pick_survey(results);
  filter.survey_id = survey_id;
  filter.include_unsealed = include_unsealed;
  const std::string needle = dr::fold(dr::tidy(search));
  for (std::size_t i = 0; i < all_.size(); ++i) {
    if (!shown(results[all_[i].result]) || !filter.matches(results[all_[i].result])) continue;
    if (!needle.empty() && all_[i].search.find(needle) == std::string::npos) continue;
    rows_.push_back(i);
  }
  order(results);
  of_survey_ = 0;
  for (const Row& row : all_) of_survey_ += shown(results[row.result]) && !results[row.result].held;
  target_met_.assign(targets().size(), {0, 0});
  if (const dr::Survey* s = survey(catalog)) {
    sums(results, *s);
  } else {
    agg_ = dr::Aggregates();
    needs_.clear();
    training_.clear();
    training_stale_ = false;
    wishes_ = Wishes();
  }
}

}  // namespace app

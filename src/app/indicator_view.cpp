#include "app/indicator_view.hpp"

#include <algorithm>
#include <set>

#include "core/fold.hpp"

namespace app {

namespace {
std::vector<std::string> one_or_none(const std::string& v) {
  return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v};
}
}  // namespace

bool IndicatorView::update(const std::vector<dr::Result>& results, const dr::Filter& filter, const std::string& lang,
                           std::size_t edits) {
  // Results are only appended between clear()s, so their count and the importer's edits say
  // whether they changed.
  if (built_ && count_ == results.size() && edits_ == edits && unsealed_ == filter.include_unsealed &&
      province_ == filter.province && commune_ == filter.commune && village_ == filter.village && lang_ == lang &&
      built_old_ == old_province_ && date_from_ == filter.date_from && date_to_ == filter.date_to &&
      utc_offset_ == filter.utc_offset_minutes)
    return false;
  date_from_ = filter.date_from;
  date_to_ = filter.date_to;
  utc_offset_ = filter.utc_offset_minutes;
  built_ = true;
  count_ = results.size();
  edits_ = edits;
  unsealed_ = filter.include_unsealed;
  province_ = filter.province;
  commune_ = filter.commune;
  village_ = filter.village;
  lang_ = lang;
  built_old_ = old_province_;
  dr::PlaceFilter places{one_or_none(province_), one_or_none(commune_), one_or_none(village_), one_or_none(old_province_)};
  dr::IndicatorTable table(std::move(places), dr::PlaceLevel::None, lang_);
  table.set_merger(merger_);
  for (const dr::Result& r : results)
    if (r.survey && !r.held && (!r.unsealed || unsealed_) && filter.in_dates(r))
      table.add(r, *r.survey);  // as in every other count
  rows_ = table.rows();
  records_ = table.records_kept();
  old_unknown_ = table.old_province_unknown();
  if (open >= int(rows_.size())) open = -1;
  return true;
}

void IndicatorView::clear() {
  built_ = false;
  rows_.clear();
  records_ = 0;
  old_unknown_ = 0;
  open = -1;
}

void IndicatorView::use_catalog(const dr::SurveyCatalog& cat) {
  if (!merger_.empty()) return;
  merger_.learn(cat);
  built_ = false;  // records of unmerged provinces now have an old province
}

std::vector<std::pair<std::string, std::string>> IndicatorView::old_provinces(const std::vector<dr::Result>& results,
                                                                              const dr::Filter& filter,
                                                                              const std::string& lang) const {
  // Only the place part of the filter (the survey and level do not apply on this tab).
  dr::Filter place;
  place.province = filter.province;
  place.commune = filter.commune;
  place.village = filter.village;
  place.include_unsealed = filter.include_unsealed;
  std::set<std::string> seen;
  std::vector<std::pair<std::string, std::string>> out;
  for (const dr::Result& r : results) {
    if (!place.matches(r)) continue;
    const auto old = merger_.old_province(r);
    if (old && seen.insert(*old).second) out.emplace_back(*old, old_label(*old, lang));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return dr::natural_compare(a.second, b.second) < 0; });
  return out;
}

std::string IndicatorView::old_label(const std::string& value, const std::string& lang) const {
  const dr::OldProvince* o = merger_.find_old(value);
  return o ? o->label.get(lang) : value;
}

std::optional<bool> IndicatorView::met(const dr::IndicatorRow& r) {
  const auto p = r.percent();
  if (!p || !r.target) return std::nullopt;
  return *p >= *r.target;
}

}  // namespace app

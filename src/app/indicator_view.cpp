#include "app/indicator_view.hpp"

namespace app {

namespace {
std::vector<std::string> one_or_none(const std::string& v) {
  return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v};
}
}  // namespace

bool IndicatorView::update(const std::vector<dr::Result>& results, const dr::Filter& filter, const std::string& lang) {
  // Results are only appended between clear()s, so their count says whether they changed.
  if (built_ && count_ == results.size() && province_ == filter.province && commune_ == filter.commune &&
      village_ == filter.village && lang_ == lang)
    return false;
  built_ = true;
  count_ = results.size();
  province_ = filter.province;
  commune_ = filter.commune;
  village_ = filter.village;
  lang_ = lang;
  dr::PlaceFilter places{one_or_none(province_), one_or_none(commune_), one_or_none(village_)};
  dr::IndicatorTable table(std::move(places), dr::PlaceLevel::None, lang_);
  for (const dr::Result& r : results)
    if (r.survey && !r.held) table.add(r, *r.survey);  // a conflict not decided counts nowhere
  rows_ = table.rows();
  records_ = table.records_kept();
  if (open >= int(rows_.size())) open = -1;
  return true;
}

void IndicatorView::clear() {
  built_ = false;
  rows_.clear();
  records_ = 0;
  open = -1;
}

std::optional<bool> IndicatorView::met(const dr::IndicatorRow& r) {
  const auto p = r.percent();
  if (!p || !r.target) return std::nullopt;
  return *p >= *r.target;
}

}  // namespace app

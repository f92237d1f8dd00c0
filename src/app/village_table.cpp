#include "app/village_table.hpp"

#include <algorithm>
#include <map>

#include "core/indicators.hpp"

namespace app {

namespace {
std::string village_of(const dr::Result& r) {
  auto it = r.profile.find("village");
  return it != r.profile.end() && it->second.is_string() ? dr::tidy(it->second.str()) : std::string();
}

// The indicator table's name for a village ("" = its "not given" row).
std::string indicator_place(const std::string& village, const std::string& lang) {
  return !village.empty() ? village : lang == "vi" ? "(chưa ghi)" : "(not given)";
}

struct AreaSums {
  std::size_t results = 0;
  std::vector<double> sum;
  std::vector<std::size_t> n;
};
}  // namespace

ReportTable village_table(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& places,
                          const std::string& lang, const std::string& village_header, const std::string& count_header) {
  dr::Filter f = places;
  f.village.clear();  // every village of the place is a row
  f.level.clear();    // and everyone in it, whatever their level (the indicators know no level)
  dr::PlaceFilter pf;
  if (!f.province.empty()) pf.provinces.push_back(f.province);
  if (!f.commune.empty()) pf.communes.push_back(f.commune);
  dr::IndicatorTable ind(pf, dr::PlaceLevel::Village, lang);
  // One pass: areas of the survey shown per village (as dr::aggregate counts them), and every
  // survey's complete records into the indicator table.
  std::map<std::string, AreaSums> areas;
  for (const dr::Result& r : results) {
    if (r.held || !r.survey || !f.in_dates(r)) continue;  // the dates chosen apply to both parts
    if ((!r.unsealed || places.include_unsealed) && ind.add(r, *r.survey))
      areas[village_of(r)];  // a village with indicator records is a row
    if (r.survey.get() != &s) continue;
    if (!f.matches(r)) continue;
    AreaSums& a = areas[village_of(r)];
    a.sum.resize(s.dimensions.size());
    a.n.resize(s.dimensions.size());
    ++a.results;
    for (std::size_t d = 0; d < r.scores.dimensions.size() && d < s.dimensions.size(); ++d)
      if (const auto& p = r.scores.dimensions[d].second) {
        a.sum[d] += *p;
        ++a.n[d];
      }
  }
  ReportTable t;
  t.columns.push_back({village_header, "village"});
  t.columns.push_back({count_header, "results"});
  for (const dr::Dimension& d : s.dimensions) t.columns.push_back({d.title.get(lang), d.id});
  const std::vector<dr::IndicatorRow> rows = ind.rows();
  std::vector<std::string> ids;
  for (const dr::IndicatorRow& r : rows)
    if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) {
      ids.push_back(r.id);
      t.columns.push_back({r.title.get(lang), "ind." + r.id});
    }
  std::vector<std::string> villages;
  for (const auto& [v, a] : areas) villages.push_back(v);
  // As a person orders names; results without a village last.
  std::sort(villages.begin(), villages.end(), [](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return b.empty();
    return dr::natural_compare(a, b) < 0;
  });
  for (const std::string& v : villages) {
    const AreaSums& a = areas[v];
    std::vector<ReportCell> row{ReportCell::label(indicator_place(v, lang)), ReportCell::count(double(a.results))};
    for (std::size_t d = 0; d < s.dimensions.size(); ++d) {
      const std::size_t n = d < a.n.size() ? a.n[d] : 0;
      row.push_back(ReportCell::percent(n ? std::optional<double>(a.sum[d] / double(n)) : std::nullopt, n));
    }
    for (const std::string& id : ids) {
      ReportCell c = ReportCell::percent(std::nullopt, 0);
      for (const dr::IndicatorRow& r : rows)
        if (r.id == id && r.place == indicator_place(v, lang)) {
          c = ReportCell::percent(r.percent(), r.records);
          c.numerator = r.n;
          c.of = r.N;
        }
      row.push_back(std::move(c));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

bool VillageView::update(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& places,
                         const std::string& lang, const std::string& village_header, const std::string& count_header,
                         std::size_t edits) {
  const std::string key = s.id + '\n' + s.version + '\n' + places.province + '\n' + places.commune + '\n' +
                          places.level + '\n' + (places.include_unsealed ? "1" : "0") + '\n' + lang + '\n' +
                          places.date_from + '\n' + places.date_to + '\n' + std::to_string(places.utc_offset_minutes);
  if (built_ && count_ == results.size() && edits_ == edits && key == key_) return false;
  built_ = true;
  count_ = results.size();
  edits_ = edits;
  key_ = key;
  table_ = village_table(results, s, places, lang, village_header, count_header);
  return true;
}

}  // namespace app

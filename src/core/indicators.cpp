#include "core/indicators.hpp"

#include <algorithm>
#include <cmath>

#include "core/expr.hpp"
#include "core/fold.hpp"
#include "core/importer.hpp"
#include "core/json.hpp"

namespace dr {

const char* place_field(PlaceLevel p) {
  switch (p) {
    case PlaceLevel::Province: return "province";
    case PlaceLevel::Commune: return "commune";
    case PlaceLevel::Village: return "village";
    case PlaceLevel::OldProvince: return "old_province";
    case PlaceLevel::None: break;
  }
  return "";
}

std::optional<PlaceLevel> place_level_from(std::string_view field) {
  for (PlaceLevel p : {PlaceLevel::Province, PlaceLevel::Commune, PlaceLevel::Village, PlaceLevel::OldProvince})
    if (field == place_field(p)) return p;
  return std::nullopt;
}

IndicatorTable::IndicatorTable(PlaceFilter filter, PlaceLevel group_by, std::string lang)
    : filter_(std::move(filter)), group_by_(group_by), lang_(std::move(lang)) {}

namespace {

const Value* profile_answer(const Result& r, std::string_view field) {
  auto it = r.profile.find(field);
  return it != r.profile.end() && it->second.is_string() ? &it->second : nullptr;
}

// The record's answer equals the wanted place, as typed or as the option's label.
bool place_matches(const Result& r, const Survey& s, std::string_view field, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  const Value* v = profile_answer(r, field);
  if (!v) return false;
  const std::string got = tidy(v->str());
  const Question* q = s.find(field);
  const Option* o = q ? q->find_option(v->str()) : nullptr;
  for (auto& w : wanted) {
    const std::string want = tidy(w);
    if (want == got) return true;
    if (o && std::any_of(o->label.items.begin(), o->label.items.end(), [&](auto& l) { return tidy(l.second) == want; }))
      return true;
  }
  return false;
}

}  // namespace

bool IndicatorTable::keep(const Result& r, const Survey& s) {
  if (r.status != Status::Complete || !place_matches(r, s, "province", filter_.provinces) ||
      !place_matches(r, s, "commune", filter_.communes) || !place_matches(r, s, "village", filter_.villages))
    return false;
  const auto old = merger_.old_province(r);
  const auto& wanted = filter_.old_provinces;
  if (wanted.empty()) {
    old_unknown_ += !old;
    return true;
  }
  if (old) return std::any_of(wanted.begin(), wanted.end(), [&](auto& w) { return merger_.names(w, *old); });
  // Unknown: counted apart only where the record may lie in a wanted old province (a record of
  // Hà Nội is simply not in Hải Dương; one of Hải Phòng made with 2.0.0 may be).
  const Value* p = profile_answer(r, "province");
  const std::string province = p ? p->str() : std::string();
  old_unknown_ += std::any_of(wanted.begin(), wanted.end(), [&](auto& w) { return merger_.may_contain(province, w); });
  return false;
}

// The old province's label in the table's language; its value when the mapping does not know it.
std::string IndicatorTable::old_place(const Result& r) const {
  const auto old = merger_.old_province(r);
  if (!old) return {};  // said by place_words
  const OldProvince* o = merger_.find_old(*old);
  return o ? tidy(o->label.get(lang_)) : *old;
}

// A choice field (province) reads as its option label; a typed one as typed, spaces tidied.
std::string IndicatorTable::place_of(const Result& r, const Survey& s, std::string_view field) const {
  const Value* v = profile_answer(r, field);
  if (!v) return {};
  const Question* q = s.find(field);
  if (const Option* o = q ? q->find_option(v->str()) : nullptr) return tidy(o->label.get(lang_));
  return tidy(v->str());
}

std::size_t IndicatorTable::definition(const Indicator& ind, const Survey& s) {
  auto it = def_index_.find(ind.id);
  if (it != def_index_.end()) {
    IndicatorRow& d = defs_[it->second];
    if (std::find(d.surveys.begin(), d.surveys.end(), s.id) == d.surveys.end()) {
      d.surveys.push_back(s.id);
      if (d.unit != ind.unit)
        warnings_.push_back("indicator " + ind.id + ": unit '" + ind.unit + "' in survey " + s.id + " but '" + d.unit +
                            "' in survey " + d.surveys.front() + "; they are added up as '" + d.unit + "'");
    }
    return it->second;
  }
  IndicatorRow d;
  d.id = ind.id;
  d.unit = ind.unit;
  d.source = ind.source;
  d.title = ind.title;
  d.target_label = ind.target_label;
  d.definition = ind.definition;
  d.target = ind.target;
  d.surveys.push_back(s.id);
  defs_.push_back(std::move(d));
  def_index_.emplace(ind.id, defs_.size() - 1);
  return defs_.size() - 1;
}

bool IndicatorTable::add(const Result& r, const Survey& s) {
  if (!keep(r, s)) return false;
  ++kept_;
  std::string label = group_by_ == PlaceLevel::None          ? std::string()
                      : group_by_ == PlaceLevel::OldProvince ? old_place(r)
                                                             : place_of(r, s, place_field(group_by_));
  // Grouped, "" is the records without the place (said by place_words: "(not given)", or for the
  // old province "(old province unknown)").
  Place& place = places_[label];
  place.label = label;
  if (s.indicators.empty()) return true;
  const Answers a = all_answers(r);
  EvalContext ctx(s, a);
  for (const Indicator& ind : s.indicators) {
    const std::size_t d = definition(ind, s);
    if (place.sums.size() < defs_.size()) place.sums.resize(defs_.size());
    const double den = ctx.count(*ind.denominator);
    if (!(den > 0)) continue;
    Sum& sum = place.sums[d];
    sum.n += ctx.count(*ind.numerator);
    sum.N += den;
    ++sum.records;
  }
  return true;
}

std::vector<IndicatorRow> IndicatorTable::rows() const {
  std::vector<const Place*> order;
  for (auto& p : places_) order.push_back(&p.second);
  std::sort(order.begin(), order.end(),
            [](const Place* a, const Place* b) { return natural_compare(a->label, b->label) < 0; });
  std::vector<IndicatorRow> out;
  out.reserve(order.size() * defs_.size());
  for (const Place* p : order)
    for (std::size_t d = 0; d < defs_.size(); ++d) {
      IndicatorRow row = defs_[d];
      row.place = p->label;
      row.grouped = group_by_ != PlaceLevel::None;
      row.by_old_province = group_by_ == PlaceLevel::OldProvince;
      if (d < p->sums.size()) {
        row.n = p->sums[d].n;
        row.N = p->sums[d].N;
        row.records = p->sums[d].records;
      }
      out.push_back(std::move(row));
    }
  return out;
}

namespace {

std::string number2(double x) { return json::number_text(std::round(x * 100) / 100); }

std::string csv_row(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_field(cells[i]);
  return line + "\r\n";
}

}  // namespace

// The unit in words for the CSV, with its code kept beside it.
std::string unit_words(const std::string& unit, const Strings& words) {
  const std::string key = "indicators.unit." + unit;
  return words.has_key(key) ? words.get(key) + " (" + unit + ")" : unit;
}

std::string place_words(const IndicatorRow& r, const Strings& words) {
  if (!r.place.empty()) return r.place;
  if (!r.grouped) return words.get("indicators.all_places");
  return words.get(r.by_old_province ? "indicators.old_province_unknown" : "indicators.place_not_given");
}

std::string indicators_csv(const std::vector<IndicatorRow>& rows, const Strings& words) {
  const std::string& lang = words.language();
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8 (Vietnamese) correctly
  // Headers in words, each with its column name in brackets: people read the words, tools the names.
  std::vector<std::string> header;
  for (const char* column : {"place", "id", "title", "unit", "n", "N", "percent", "records", "target", "target_label",
                             "source", "surveys", "definition"})
    header.push_back(words.get(std::string("indicators.csv.") + column) + " (" + column + ")");
  out += csv_row(header);
  for (auto& r : rows) {
    std::string surveys;
    for (auto& s : r.surveys) surveys += (surveys.empty() ? "" : " ") + s;
    const auto p = r.percent();
    out += csv_row({place_words(r, words), r.id, r.title.get(lang),
                    unit_words(r.unit, words), number2(r.n), number2(r.N), p ? number2(*p) : "",
                    std::to_string(r.records), r.target ? number2(*r.target) : "", r.target_label.get(lang), r.source,
                    surveys, r.definition.get(lang)});
  }
  return out;
}

}  // namespace dr

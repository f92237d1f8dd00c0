// Province indicators (docs/indicators.md): for each indicator a survey defines, Σ numerator ÷
// Σ denominator over result records, n of N, beside its target. Streaming: add() one record at a
// time; memory grows with places and indicators, never with records.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/province_merger.hpp"
#include "core/result.hpp"
#include "core/strings.hpp"
#include "core/survey.hpp"

namespace dr {

// Grouping by a place profile field: the conventional ids "province", "commune", "village"; or by
// the province before the merger of 1 July 2025, "old_province" (derived, see province_merger.hpp).
enum class PlaceLevel : unsigned char { None, Province, Commune, Village, OldProvince };
const char* place_field(PlaceLevel p);  // "" for None
std::optional<PlaceLevel> place_level_from(std::string_view field);

// Records kept: within a field any listed value, across fields all (empty list = any). A value
// matches a record's answer (spaces tidied) or, for a choice field, its option label in any language.
// An old province matches the record's derived old province (its value or label); a record whose
// old province cannot be told is left out and counted apart (old_province_unknown()).
struct PlaceFilter {
  std::vector<std::string> provinces, communes, villages;
  std::vector<std::string> old_provinces;
};

struct IndicatorRow {
  std::string place;  // the group's place as read ("" = every record kept)
  std::string id, unit, source;
  Text title, target_label, definition;
  std::optional<double> target;
  double n = 0, N = 0;       // Σ numerator, Σ denominator
  std::size_t records = 0;   // records whose denominator was > 0
  std::vector<std::string> surveys;  // ids of the surveys that define it, first seen first
  bool grouped = false;              // by place: then place "" is the records without one
  bool by_old_province = false;      // grouped by the province before 1 July 2025 ("" = unknown)
  std::optional<double> percent() const { return N > 0 ? std::optional<double>(100.0 * n / N) : std::nullopt; }
};

class IndicatorTable {
 public:
  explicit IndicatorTable(PlaceFilter filter = {}, PlaceLevel group_by = PlaceLevel::None, std::string lang = "vi");
  // The mapping old_provinces and PlaceLevel::OldProvince read (learnt from the surveys); without
  // one, only what a record answered itself is known.
  void set_merger(ProvinceMerger m) { merger_ = std::move(m); }
  // Counts one complete record of survey s (drafts and records outside the filter are skipped:
  // returns false). An indicator id defined in several surveys adds up across them.
  bool add(const Result& r, const Survey& s);
  // Per place (natural order), each indicator in the order first defined; a place gets a row for
  // every indicator known, 0 of 0 where its records did not count.
  std::vector<IndicatorRow> rows() const;
  std::size_t records_kept() const { return kept_; }
  // Complete records in the place chosen whose old province cannot be told (an earlier survey
  // version in a merged province): left out by an old-province filter, grouped apart by
  // PlaceLevel::OldProvince.
  std::size_t old_province_unknown() const { return old_unknown_; }
  // Same indicator id with another unit in another survey (the first definition is used).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Sum {
    double n = 0, N = 0;
    std::size_t records = 0;
  };
  struct Place {
    std::string label;
    std::vector<Sum> sums;  // by definition index
  };
  std::size_t definition(const Indicator& ind, const Survey& s);
  std::string place_of(const Result& r, const Survey& s, std::string_view field) const;
  bool keep(const Result& r, const Survey& s);
  std::string old_place(const Result& r) const;

  PlaceFilter filter_;
  PlaceLevel group_by_;
  std::string lang_;
  std::vector<IndicatorRow> defs_;               // definitions, n/N unused
  std::map<std::string, std::size_t, std::less<>> def_index_;  // indicator id -> defs_
  std::map<std::string, Place, std::less<>> places_;           // fold(place) -> sums
  ProvinceMerger merger_;
  std::size_t kept_ = 0, old_unknown_ = 0;
  std::vector<std::string> warnings_;
};

// The row's place in words: its label, or "All" / "(not given)" from the locale files.
std::string place_words(const IndicatorRow& r, const Strings& words);
// CSV, UTF-8 with BOM (Excel shows Vietnamese), CRLF rows; headers in words with their codes,
// e.g. "Chỉ tiêu / Indicator (title)" (locale keys indicators.csv.*); texts in the words' language.
std::string indicators_csv(const std::vector<IndicatorRow>& rows, const Strings& words);
// A unit in words with its code: "hộ (household)"; an unknown unit as its code.
std::string unit_words(const std::string& unit, const Strings& words);

}  // namespace dr

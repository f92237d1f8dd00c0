// The organiser's "Chỉ tiêu" tab: the province indicators (docs/indicators.md) over every verified
// result of every survey, for the place filter chosen. Worked out with dr::IndicatorTable when the
// results, the place or the language changed since the last time, never once per frame.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/digiready.hpp"
#include "core/indicators.hpp"

namespace app {

class IndicatorView {
 public:
  // Rows for `results` (in import order, only ever added to between clear()s) and the place and
  // date parts of `filter` (its level and survey are not used: an indicator comes from whichever
  // survey asks it), and its include_unsealed: a record without a checksum counts only when the
  // organiser included them, and a conflict not decided never. `edits` is dr::Importer::edits(): a
  // copy that holds a result, or a choice between copies, changes it without changing the count.
  // Returns whether it worked them out again.
  bool update(const std::vector<dr::Result>& results, const dr::Filter& filter, const std::string& lang,
              std::size_t edits = 0);
  void clear();  // the results were cleared: work out again on the next update

  // The provinces before 1 July 2025, learnt once from the surveys of 2.1.0 on (they ask it).
  void use_catalog(const dr::SurveyCatalog& cat);
  // The old province chosen ("" = every one): rows then count only records of that old province,
  // and those whose old province cannot be told (made with 2.0.0 or 1.0.0 in a merged province)
  // are counted apart (old_unknown()).
  void choose_old_province(const std::string& value) { old_province_ = value; }
  const std::string& old_province() const { return old_province_; }
  std::size_t old_unknown() const { return old_unknown_; }
  // The old provinces of the results in the place of `filter` (value, label in `lang`), by label.
  std::vector<std::pair<std::string, std::string>> old_provinces(const std::vector<dr::Result>& results,
                                                                 const dr::Filter& filter, const std::string& lang) const;
  // The label of an old province value ("" when unknown).
  std::string old_label(const std::string& value, const std::string& lang) const;

  const std::vector<dr::IndicatorRow>& rows() const { return rows_; }
  std::size_t records() const { return records_; }  // records counted (complete, in the place)
  // Exactly the rows shown, as the core's CSV (UTF-8 with BOM).
  std::string csv(const dr::Strings& words) const { return dr::indicators_csv(rows_, words); }
  // Whether a row met its target (none when it has no target or no denominator).
  static std::optional<bool> met(const dr::IndicatorRow& r);

  int open = -1;  // the row whose definition is shown (a tap on a row), -1 = none

 private:
  bool built_ = false;
  std::size_t count_ = 0, edits_ = 0;
  bool unsealed_ = false;
  std::string province_, commune_, village_, lang_, old_province_, built_old_, date_from_, date_to_;
  int utc_offset_ = 0;
  dr::ProvinceMerger merger_;
  std::vector<dr::IndicatorRow> rows_;
  std::size_t records_ = 0, old_unknown_ = 0;
};

}  // namespace app

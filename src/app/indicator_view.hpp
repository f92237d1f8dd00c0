// The organiser's "Chỉ tiêu" tab: the province indicators (docs/indicators.md) over every verified
// result of every survey, for the place filter chosen. Worked out with dr::IndicatorTable when the
// results, the place or the language changed since the last time, never once per frame.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/digiready.hpp"
#include "core/indicators.hpp"

namespace app {

class IndicatorView {
 public:
  // Rows for `results` (in import order, only ever added to between clear()s) and the place part
  // of `filter` (its level and survey are not used: an indicator comes from whichever survey asks
  // it). Returns whether it worked them out again.
  bool update(const std::vector<dr::Result>& results, const dr::Filter& filter, const std::string& lang);
  void clear();  // the results were cleared: work out again on the next update

  const std::vector<dr::IndicatorRow>& rows() const { return rows_; }
  std::size_t records() const { return records_; }  // records counted (complete, in the place)
  // Exactly the rows shown, as the core's CSV (UTF-8 with BOM).
  std::string csv(const dr::Strings& words) const { return dr::indicators_csv(rows_, words); }
  // Whether a row met its target (none when it has no target or no denominator).
  static std::optional<bool> met(const dr::IndicatorRow& r);

  int open = -1;  // the row whose definition is shown (a tap on a row), -1 = none

 private:
  bool built_ = false;
  std::size_t count_ = 0;
  std::string province_, commune_, village_, lang_;
  std::vector<dr::IndicatorRow> rows_;
  std::size_t records_ = 0;
};

}  // namespace app

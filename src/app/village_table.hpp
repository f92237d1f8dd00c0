// The village table of the organiser's report: villages side by side as rows; as columns the
// number of results, each area's average % of the survey shown (n = people scored on it) and each
// province indicator over every survey (n of N). Worked out when shown, never once per frame.
#pragma once
#include <string>
#include <vector>

#include "app/report_table.hpp"
#include "core/digiready.hpp"

namespace app {

// `places`: its province and commune narrow the villages (its village is not used: every village
// of the place is a row), its survey, level and include_unsealed apply to the areas, its dates to
// the areas and the indicators alike.
ReportTable village_table(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& places,
                          const std::string& lang, const std::string& village_header, const std::string& count_header);

class VillageView {
 public:
  // Works the table out again when the results, the filter, the survey or the language changed
  // (results are only appended between clear()s; `edits`, dr::Importer::edits(), counts the copies
  // that held a result and the choices made between copies, which change no count).
  bool update(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& places,
              const std::string& lang, const std::string& village_header, const std::string& count_header,
              std::size_t edits = 0);
  void clear() { built_ = false; }
  const ReportTable& table() const { return table_; }

 private:
  bool built_ = false;
  std::size_t count_ = 0, edits_ = 0;
  std::string key_;
  ReportTable table_;
};

}  // namespace app

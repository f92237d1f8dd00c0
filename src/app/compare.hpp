// Before/after on the results screen: the result shown against an earlier one of the same survey
// (kept on this device, or a file the person picks).
#pragma once
#include <optional>
#include <string>

#include "app/record_store.hpp"
#include "core/digiready.hpp"

namespace app {

// One row of before/after: the two percentages as the screen shows them (rounded as the core rounds,
// dr::shown_percent), and the change between those shown numbers — 39 % then 48 % is +9, whatever
// the unrounded scores were.
struct CompareRow {
  std::optional<int> before, after, change;  // change: only when both are there
};
CompareRow compare_row(std::optional<double> before, std::optional<double> after);

// The earlier result is about another household or business than the one on screen: both are named
// (household code, else business name; app/respondent.hpp) and the names differ, letter case and
// spaces aside. A temporary code of someone answering alone names nobody yet: no warning.
bool other_respondent(const dr::Result& earlier, const dr::Result& shown);

class Compare {
 public:
  // Why a picked file cannot be the earlier result.
  struct Refusal {
    std::string file;
    dr::ReadProblem problem = dr::ReadProblem::None;  // None: read, but of another survey
  };

  // The result on screen; another one starts the comparison over (closed, nothing picked).
  void follow(const std::string& result_id);
  // Offered where there is something to compare with: another kept result of this survey, or a
  // business survey (it reassesses itself and keeps its earlier file).
  static bool offered(const dr::Survey& s, const dr::Result& shown, const RecordStore& store);

  bool is_open() const { return open_; }
  void open() { open_ = true; }
  const std::optional<dr::Result>& earlier() const { return earlier_; }
  const std::optional<Refusal>& refusal() const { return refusal_; }
  void pick(const dr::Result& kept);
  void pick_again() { earlier_.reset(); }
  // A file chosen to compare with, read against the surveys known now.
  void take_file(const std::string& name, const std::string& text, const dr::SurveyCatalog& catalog,
                 const std::string& survey_id);

  // Waiting for the file picker (its one file comes here, not to the import).
  bool picking = false;

 private:
  std::string for_;
  bool open_ = false;
  std::optional<dr::Result> earlier_;
  std::optional<Refusal> refusal_;
};

}  // namespace app

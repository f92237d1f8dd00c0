#include "app/compare.hpp"

#include "app/household_code.hpp"
#include "app/respondent.hpp"

namespace app {

CompareRow compare_row(std::optional<double> before, std::optional<double> after) {
  CompareRow row;
  if (before) row.before = int(dr::shown_percent(*before));
  if (after) row.after = int(dr::shown_percent(*after));
  if (row.before && row.after) row.change = *row.after - *row.before;
  return row;
}

bool other_respondent(const dr::Result& earlier, const dr::Result& shown) {
  const std::string a = respondent(earlier), b = respondent(shown);
  if (a.empty() || b.empty() || is_alone_code(a) || is_alone_code(b)) return false;
  return dr::fold(a) != dr::fold(b);
}

void Compare::follow(const std::string& result_id) {
  if (for_ == result_id) return;
  for_ = result_id;
  open_ = false;
  earlier_.reset();
  refusal_.reset();
}

bool Compare::offered(const dr::Survey& s, const dr::Result& shown, const RecordStore& store) {
  if (s.find("business_name")) return true;
  for (const RecordStore::Entry& e : store.results())
    if (e.result.survey_id == s.id && e.result.id != shown.id) return true;
  return false;
}

void Compare::pick(const dr::Result& kept) {
  earlier_ = kept;
  refusal_.reset();
}

void Compare::take_file(const std::string& name, const std::string& text, const dr::SurveyCatalog& catalog,
                        const std::string& survey_id) {
  picking = false;
  dr::ReadResult rr = dr::read_result(text, name, catalog);
  if (!rr.ok) refusal_ = Refusal{name, rr.problem};
  else if (rr.result.survey_id != survey_id) refusal_ = Refusal{name, dr::ReadProblem::None};
  else pick(rr.result);
}

}  // namespace app

#include "app/enumerator_batch.hpp"

#include <algorithm>
#include <set>

#include "app/household_code.hpp"
#include "app/respondent.hpp"

namespace app {

void EnumeratorBatch::start() {
  on_ = true;
  ids_.clear();
  records_.clear();
}

bool EnumeratorBatch::add(const dr::Result& r) {
  if (!on_ || r.status != dr::Status::Complete) return false;
  if (std::find(ids_.begin(), ids_.end(), r.id) != ids_.end()) return false;
  ids_.push_back(r.id);
  records_.push_back(dr::result_to_json(r));
  return true;
}

std::string EnumeratorBatch::ndjson() const {
  std::string all;
  for (const std::string& j : records_) all += j + "\n";
  return all;
}

dr::Answers EnumeratorBatch::next_household(const dr::Survey& s, const dr::Result& last, const RecordStore& store) {
  dr::Answers a;
  for (const char* k : {"province", "commune", "village"}) {
    auto it = last.profile.find(k);
    if (s.find(k) && it != last.profile.end()) dr::set_answer(a, k, it->second);
  }
  if (s.find("household_code")) {
    std::set<std::string> used;
    for (const auto* list : {&store.results(), &store.drafts()})
      for (const RecordStore::Entry& e : *list) used.insert(dr::tidy(profile_text(e.result, "household_code")));
    dr::set_answer(a, "household_code", dr::Value(fresh_household_code(profile_text(last, "household_code"), used)));
  }
  return a;
}

}  // namespace app

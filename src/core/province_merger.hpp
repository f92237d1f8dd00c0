// The provinces before the merger of 1 July 2025 (63 became 34). Answers name the new province;
// the provinces' published baselines (../shared/seeds/) are for the old ones. So a record's old
// province is derived: the record's own answer to `old_province_<province>` (asked only for a merged
// province, surveys 2.1.0 on), else the only old province of a province that was not merged, else
// unknown (a record of an earlier version in a merged province).
//
// The mapping is data (assets/places/provinces-2025.json); the surveys carry it as their
// `old_province_<province>` questions (tools/old-province-questions.py), and this class learns it
// from them, so the app and the CLI need nothing but the surveys they already load.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/survey.hpp"

namespace dr {

struct OldProvince {
  std::string value;  // e.g. "hai_duong"; an unmerged province keeps its own value
  Text label;
};

class ProvinceMerger {
 public:
  // "old_province_" + province: the question asked for a merged province.
  static std::string question_id(std::string_view province);

  // Learns the mapping from a survey that asks the old province (any old_province_* profile
  // field); a survey without them (1.0.0, 2.0.0) teaches nothing. Each option of its `province`
  // question is merged when it has a question, else its old province is itself.
  void learn(const Survey& s);
  void learn(const SurveyCatalog& cat);
  // From assets/places/provinces-2025.json; false (and `error`) when it is not that file.
  bool read_json(std::string_view text, std::string& error);

  bool empty() const { return by_new_.empty(); }
  // New province value -> its old provinces (one = not merged), in the file's order.
  const std::map<std::string, std::vector<OldProvince>, std::less<>>& provinces() const { return by_new_; }
  const std::vector<OldProvince>* old_of(std::string_view province) const;
  const OldProvince* find_old(std::string_view old_value) const;

  // The record's old province value, or nullopt when it cannot be told.
  std::optional<std::string> old_province(const Result& r) const;
  // Whether `wanted` (an old province's value or its label in any language, spaces tidied) names
  // old province `old_value`.
  bool names(std::string_view wanted, std::string_view old_value) const;
  // Whether a record of new province `province` may lie in old province `wanted` (so a record
  // there whose old province is unknown is "unknown", not simply elsewhere).
  bool may_contain(std::string_view province, std::string_view wanted) const;

 private:
  std::map<std::string, std::vector<OldProvince>, std::less<>> by_new_;
};

}  // namespace dr

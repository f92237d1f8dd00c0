// Which version of a survey to offer. Every shipped version stays in the SurveyCatalog (older ones
// come from assets/surveys/archive/) so drafts and results made with them still open and verify;
// new surveys are started only with the newest version of each id.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dr {

// Compares dotted version strings numerically, part by part ("2.0.0" > "1.10.0" > "1.9.1");
// a missing part counts as 0 and a non-numeric part compares as text. <0, 0 or >0.
int compare_versions(std::string_view a, std::string_view b);

// The newest version of survey `id` in the catalog, or null when it has none.
std::shared_ptr<const Survey> newest_version(const SurveyCatalog& cat, std::string_view id);

// True when `s` is the newest version of its id in the catalog (the one to offer for new surveys).
bool is_newest(const SurveyCatalog& cat, const Survey& s);

// The newest version of every survey id, in the order the ids first appear in the catalog.
std::vector<std::shared_ptr<const Survey>> newest_surveys(const SurveyCatalog& cat);

}  // namespace dr

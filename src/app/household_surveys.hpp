// One household (or business) across all its surveys: every verified result with the same code
// (respondent()), whichever survey, oldest first. The organiser opens one and sees the others.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

// Indices into `results` of those about `who` (a household code or business name; "" = none),
// a conflict not decided left out, by completion time (then import order).
std::vector<std::size_t> household_results(const std::vector<dr::Result>& results, const std::string& who);

}  // namespace app

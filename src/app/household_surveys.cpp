#include "app/household_surveys.hpp"

#include <algorithm>

#include "app/respondent.hpp"

namespace app {

std::vector<std::size_t> household_results(const std::vector<dr::Result>& results, const std::string& who) {
  std::vector<std::size_t> out;
  if (who.empty()) return out;
  for (std::size_t i = 0; i < results.size(); ++i)
    if (!results[i].held && respondent(results[i]) == who) out.push_back(i);
  auto when = [&](std::size_t i) -> const std::string& {
    return results[i].completed.empty() ? results[i].updated : results[i].completed;
  };
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return when(a) < when(b); });
  return out;
}

}  // namespace app

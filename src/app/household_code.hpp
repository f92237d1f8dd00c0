// Household codes for the next household an enumerator visits.
#pragma once
#include <set>
#include <string>

namespace app {

// "HH-007" -> "HH-008", "HH-099" -> "HH-100" (zero padding kept), "" -> "HO-001", "An" -> "An-2".
// Digits of any length count up as text: "HO-99999999999999999999" -> "HO-100000000000000000000".
std::string next_household_code(const std::string& last);

// The next code after `last` that is not in `used` (the enumerator may have gone back to an earlier
// household). `used` is compared tidied; gives up after `tries` codes and returns the last one tried.
std::string fresh_household_code(const std::string& last, const std::set<std::string>& used, int tries = 100000);

}  // namespace app

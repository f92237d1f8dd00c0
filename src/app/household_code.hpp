// Household codes: the next household an enumerator visits, and a temporary code for a person
// answering alone (the team gives the real one).
#pragma once
#include <set>
#include <string>

#include "core/digiready.hpp"

namespace app {

// "HH-007" -> "HH-008", "HH-099" -> "HH-100" (zero padding kept), "" -> "HO-001", "An" -> "An-2".
// Digits of any length count up as text: "HO-99999999999999999999" -> "HO-100000000000000000000".
std::string next_household_code(const std::string& last);

// The next code after `last` that is not in `used` (the enumerator may have gone back to an earlier
// household). `used` is compared tidied; gives up after `tries` codes and returns the last one tried.
std::string fresh_household_code(const std::string& last, const std::set<std::string>& used, int tries = 100000);

// The survey question that a person answering alone may leave to the team: the household code.
bool offers_answer_alone(const dr::Question& q);
// The temporary code of a result answered alone: "CHUA-MA-" ("no code yet") and the first six
// characters of its id in capitals, e.g. "CHUA-MA-3F7A9C" — 14 characters, within the surveys'
// 2–20 rule, different for each result, and plainly not a code the team gave.
std::string alone_code(const std::string& result_id);
// Whether a code is such a temporary one (the team still has to give the household its code).
bool is_alone_code(const std::string& code);

}  // namespace app

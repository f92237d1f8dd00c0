// Who a result is about, as people name them: the household code, else the business name.
#pragma once
#include <string>

#include "core/digiready.hpp"

namespace app {

// A profile answer as text ("" when absent or not text).
std::string profile_text(const dr::Result& r, const char* key);
// The household code, else the business name, tidied (spaces at the ends and doubled go); "" if neither.
std::string respondent(const dr::Result& r);
// The same from answers (profile fields among them), e.g. while the survey is being taken.
std::string respondent(const dr::Answers& a);

}  // namespace app

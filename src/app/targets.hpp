// National targets a survey can be measured against (../shared/frameworks.md, 2025 targets).
#pragma once
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

struct Target {
  const char* survey;
  const char* question;
  std::vector<const char*> values;  // any of these answers meets it
  double percent;
  const char* label_key;  // its words, in the locale files
};
const std::vector<Target>& targets();

// Whether an answer meets the target (one of its values chosen).
bool meets(const Target& t, const dr::Value& v);

}  // namespace app

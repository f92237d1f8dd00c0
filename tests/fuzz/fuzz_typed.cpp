// Typed numbers and dates (what a person types into an integer / decimal / date field): any text is
// accepted or refused, never a NaN or infinity, and what the field shows back for a stored value
// reads to the same value (so re-opening a page never changes or refuses an answer).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/engine.hpp"

namespace {
const char* kSurvey = R"({"format":"digiready-survey","format_version":1,"id":"f","version":"1","languages":["en"],
 "title":"t","dimensions":[{"id":"d","title":"d"}],"levels":[{"id":"l","min":0,"label":"l"}],
 "sections":[{"id":"s","title":"s","questions":[
  {"id":"i","type":"integer","title":"i"},{"id":"x","type":"decimal","title":"x"},
  {"id":"w","type":"date","title":"w"},{"id":"r","type":"rating","title":"r","dimension":"d",
   "options":[{"value":"1","label":"1"},{"value":"2","label":"2"},{"value":"5","label":"5"}]}]}]})";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto survey = dr::load_survey(kSurvey, "f.json").survey;
  if (!survey) __builtin_trap();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto& q : survey->questions) {
    bool ok = false;
    const dr::Value v = dr::parse_typed_input(q, text, ok);
    if (!ok) {
      if (v.answered()) __builtin_trap();  // refused text leaves no answer behind
      continue;
    }
    if (v.is_number() && !std::isfinite(v.number())) __builtin_trap();
    if (!v.answered()) continue;
    bool ok2 = false;
    const dr::Value again = dr::parse_typed_input(q, dr::format_value(v), ok2);
    if (!ok2 || !(again == v)) __builtin_trap();
  }
  return 0;
}

// Survey reader: any bytes must give a survey or errors, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/engine.hpp"
#include "core/scoring.hpp"
#include "core/survey.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dr::LoadResult r = dr::load_survey(text, "fuzz.json");
  if (r.survey) {
    // Exercise evaluation on what loaded: lint, empty answers, every first option picked.
    dr::lint_survey(*r.survey);
    dr::progress(*r.survey, {});  // nothing answered: every choice still to make is tried
    dr::Answers a;
    for (auto& q : r.survey->questions)
      if (!q.options.empty()) dr::toggle_option(q, a, q.options.front().value);
    dr::score(*r.survey, a);
    dr::progress(*r.survey, a);
    for (auto& q : r.survey->questions) dr::check_answer(*r.survey, q, a);
  }
  return 0;
}

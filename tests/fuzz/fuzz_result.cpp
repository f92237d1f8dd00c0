// Result reader: any bytes must give a result or errors; a result that reads must write back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/result.hpp"

namespace {
const char* kSurvey = R"({"format":"digiready-survey","format_version":1,"id":"f","version":"1","languages":["en"],
 "title":"t","dimensions":[{"id":"d","title":"d"}],"levels":[{"id":"l","min":0,"label":"l"},{"id":"h","min":50,"label":"h"}],
 "profile":[{"id":"village","type":"text","title":"v"}],
 "sections":[{"id":"s","title":"s","questions":[
  {"id":"n","type":"integer","title":"n","min":0,"max":10},
  {"id":"m","type":"multiple","title":"m","dimension":"d","options":[{"value":"a","label":"a","score":1},{"value":"z","label":"z","exclusive":true}]},
  {"id":"y","type":"yesno","title":"y","dimension":"d","visible_if":"${n} > 2"}]}]})";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static dr::SurveyCatalog cat = [] {
    dr::SurveyCatalog c;
    c.add(dr::load_survey(kSurvey, "f.json").survey);
    return c;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dr::ReadResult r = dr::read_result(text, "fuzz.json", cat);
  if (r.ok) {
    std::string again = dr::result_to_json(r.result);
    dr::ReadResult r2 = dr::read_result(again, "again.json", cat);
    // Write/read must round-trip, and writing must neither seal an unsealed record nor unseal one.
    if (!r2.ok || r2.checksum_ok == r.result.unsealed || r2.result.unsealed != r.result.unsealed ||
        !r2.score_differences.empty())
      __builtin_trap();
  }
  return 0;
}

// Compact result decoder: any bytes, as binary or as scanned text, must give a verified record or a
// refusal with a reason. A record that decodes must read back as a file (checksum ok, same scores)
// and encode to bytes that decode to the same record.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/compact.hpp"

namespace {
// Every answer type, skip logic and an exclusive option, so each decoder path is reachable.
const char* kSurvey = R"({"format":"digiready-survey","format_version":1,"id":"f","version":"1","languages":["vi","en"],
 "title":"t","dimensions":[{"id":"d","title":"d"}],"levels":[{"id":"l","min":0,"label":"l"},{"id":"h","min":50,"label":"h"}],
 "profile":[{"id":"village","type":"text","title":"v"},{"id":"born","type":"date","title":"b"}],
 "sections":[{"id":"s","title":"s","questions":[
  {"id":"n","type":"integer","title":"n","min":0,"max":10},
  {"id":"x","type":"decimal","title":"x"},
  {"id":"i","type":"info","title":"i"},
  {"id":"m","type":"multiple","title":"m","dimension":"d","options":[{"value":"a","label":"a","score":1},{"value":"b","label":"b","score":2},{"value":"z","label":"z","exclusive":true}]},
  {"id":"c","type":"single","title":"c","dimension":"d","options":[{"value":"p","label":"p","score":0},{"value":"q","label":"q","score":3}]},
  {"id":"r","type":"rating","title":"r","dimension":"d","options":[{"value":"1","label":"1","score":0},{"value":"5","label":"5","score":4}]},
  {"id":"note","type":"longtext","title":"note"},
  {"id":"y","type":"yesno","title":"y","dimension":"d","visible_if":"${n} > 2"}]}]})";

void check(const dr::CompactDecoding& d, const dr::SurveyCatalog& cat) {
  if (!d.ok) {
    if (d.error.empty() || d.problem == dr::ReadProblem::None) __builtin_trap();  // a refusal says why
    return;
  }
  dr::ReadResult file = dr::read_result(d.json, "rebuilt.json", cat);
  if (!file.ok || !file.checksum_ok || !file.score_differences.empty()) __builtin_trap();
  dr::CompactEncoding again = dr::encode_compact(d.result, *d.result.survey);
  if (!again.ok() || dr::decode_compact(again.bytes, cat).json != d.json) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static dr::SurveyCatalog cat = [] {
    dr::SurveyCatalog c;
    c.add(dr::load_survey(kSurvey, "f.json").survey);
    return c;
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(dr::decode_compact(bytes, cat), cat);
  check(dr::decode_compact_text(bytes, cat), cat);
  return 0;
}

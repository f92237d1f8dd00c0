// Expression parser + evaluation against the unit-test survey shape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/expr.hpp"

namespace {
const char* kSurvey = R"({"format":"digiready-survey","format_version":1,"id":"f","version":"1","languages":["en"],
 "title":"t","dimensions":[{"id":"d","title":"d"}],"levels":[{"id":"l","min":0,"label":"l"}],
 "computed":[{"id":"c","expr":"${n} * 2"}],
 "sections":[{"id":"s","title":"s","questions":[
  {"id":"n","type":"decimal","title":"n"},{"id":"t","type":"text","title":"t"},
  {"id":"m","type":"multiple","title":"m","dimension":"d","options":[{"value":"a","label":"a","score":1},{"value":"b","label":"b","score":1}]},
  {"id":"y","type":"yesno","title":"y"}]}]})";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto survey = dr::load_survey(kSurvey, "f.json").survey;
  if (!survey) __builtin_trap();
  std::string src(reinterpret_cast<const char*>(data), size);
  dr::ExprParse p = dr::parse_expression(src);
  if (!p.expr || !dr::resolve_expression(*p.expr, *survey, true).empty()) return 0;
  dr::Answers a;
  a["n"] = 2.5;
  a["t"] = "Tiếng Việt";
  a["m"] = std::vector<std::string>{"a"};
  a["y"] = "yes";
  dr::Value self(3.0);
  dr::EvalContext ctx(*survey, a);
  ctx.truthy(*p.expr, &self);
  dr::EvalContext empty(*survey, {});
  empty.truthy(*p.expr, nullptr);
  return 0;
}

// What a person types into a number field must show back the same way when the page is opened again.
#include "core/engine.hpp"

#include "test_util.hpp"

using namespace dr;

namespace {
const Question& question(const char* type) {
  static std::shared_ptr<const Survey> s = load_survey(
      R"({"format":"digiready-survey","format_version":1,"id":"f","version":"1","languages":["en"],
      "title":"t","dimensions":[{"id":"d","title":"d"}],"levels":[{"id":"l","min":0,"label":"l"}],
      "sections":[{"id":"s","title":"s","questions":[{"id":"integer","type":"integer","title":"i"},
      {"id":"decimal","type":"decimal","title":"x"}]}]})", "f.json").survey;
  return *s->find(type);
}
bool accepted(const char* type, const char* text) {
  bool ok = false;
  parse_typed_input(question(type), text, ok);
  return ok;
}
}  // namespace

// Found by fuzz_typed: "99999999999999999999" was stored as 1e20 and shown as text the field refused.
TEST(TypedInput, NumbersTheFieldCannotShowBackAreRefused) {
  EXPECT_FALSE(accepted("integer", "99999999999999999999"));
  EXPECT_FALSE(accepted("integer", "9000000000000002"));  // shown as 9000000000000002.0
  EXPECT_FALSE(accepted("decimal", "0,0000001"));         // shown as 1e-7
  EXPECT_FALSE(accepted("decimal", "100000000000000000000000"));
  for (const char* t : {"integer", "decimal"}) {
    EXPECT_TRUE(accepted(t, "8999999999999999"));
    EXPECT_TRUE(accepted(t, "-12"));
  }
  EXPECT_TRUE(accepted("decimal", "0,000001"));
  bool ok = false;
  const Value v = parse_typed_input(question("decimal"), "0,000001", ok);
  EXPECT_EQ(format_value(v), "0.000001");
  EXPECT_EQ(parse_typed_input(question("decimal"), format_value(v), ok), v);
  EXPECT_TRUE(ok);
}

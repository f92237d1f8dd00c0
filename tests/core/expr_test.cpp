#include "core/expr.hpp"

#include "test_util.hpp"

using namespace dr;

namespace {
bool eval(const std::string& src, const Answers& a, const Value* self = nullptr) {
  auto s = drt::mini();
  auto p = parse_expression(src);
  EXPECT_TRUE(p.expr) << src << ": " << p.error;
  if (!p.expr) return false;
  EXPECT_EQ(resolve_expression(*p.expr, *s, true), "") << src;
  EvalContext ctx(*s, a);
  return ctx.truthy(*p.expr, self);
}
}  // namespace

TEST(Expr, Literals) {
  Answers a;
  EXPECT_TRUE(eval("1 < 2", a));
  EXPECT_TRUE(eval("2.5 * 2 = 5", a));
  EXPECT_TRUE(eval("'a' = \"a\"", a));
  EXPECT_TRUE(eval("true and not false", a));
  EXPECT_TRUE(eval("-(1 + 2) * 3 = -9", a));
  EXPECT_TRUE(eval("7 - 2 - 1 = 4", a));  // left associative
  EXPECT_TRUE(eval("1 + 2 * 3 = 7", a));  // precedence
  EXPECT_TRUE(eval("false or 1 = 1 and 2 = 2", a));
  EXPECT_FALSE(eval("1 / 0 = 1 / 0", a));  // division by zero is null
}

TEST(Expr, ReferencesAndFunctions) {
  Answers a = drt::example_a();
  EXPECT_TRUE(eval("${has_phone} = 'yes'", a));
  EXPECT_TRUE(eval("selected(${phone_use}, 'bank')", a));
  EXPECT_FALSE(eval("selected(${phone_use}, 'call')", a));
  EXPECT_TRUE(eval("count_selected(${phone_use}) = 2", a));
  EXPECT_TRUE(eval("selected(${confidence}, '4')", a));
  EXPECT_TRUE(eval("${confidence} >= 4", a));
  EXPECT_TRUE(eval("answered(${otp}) and not answered(${dob})", a));
  EXPECT_TRUE(eval("length(${village}) = 4", a));  // code points, not bytes
  a["age"] = 30;
  EXPECT_TRUE(eval("${adult}", a));
  a["age"] = 16;
  EXPECT_FALSE(eval("${adult}", a));
}

TEST(Expr, NullSemantics) {
  Answers a;
  EXPECT_FALSE(eval("${age} > 1", a));
  EXPECT_FALSE(eval("${age} != 1", a));  // comparisons with unanswered are false
  EXPECT_FALSE(eval("${age} + 1 = 1", a));
  EXPECT_TRUE(eval("count_selected(${phone_use}) = 0", a));
  EXPECT_FALSE(eval("${adult}", a));
}

TEST(Expr, HiddenAnswersCountAsUnanswered) {
  Answers a = drt::example_a();
  a["has_phone"] = "no";  // phone_use is now hidden though still in the map
  EXPECT_FALSE(eval("selected(${phone_use}, 'bank')", a));
}

TEST(Expr, SelfInConstraint) {
  Value v("hello");
  EXPECT_TRUE(eval("length(.) = 5", {}, &v));
  Value n(3.5);
  EXPECT_TRUE(eval(". > 3 and . < 4", {}, &n));
  EXPECT_TRUE(eval(".5 < 1", {}));
}

TEST(Expr, SyntaxErrorsHaveColumns) {
  struct Case { const char* src; const char* err; } cases[] = {
      {"", "column 1: empty expression"},
      {"1 +", "column 4: unexpected end of expression"},
      {"(1", "column 3: expected ')'"},
      {"'abc", "column 1: unterminated string"},
      {"foo = 1", "column 1: unknown name 'foo'"},
      {"${}", "column 3: expected an id after ${"},
      {"1 = 1 )", "column 7: unexpected ')'"},
      {"selected(${a} 'x')", "column 15: expected ','"},
  };
  for (auto& c : cases) {
    auto p = parse_expression(c.src);
    EXPECT_FALSE(p.expr) << c.src;
    EXPECT_EQ(p.error.rfind(c.err, 0), 0u) << c.src << " -> " << p.error;
  }
}

TEST(Expr, ResolveErrors) {
  auto s = drt::mini();
  auto check = [&](const char* src, bool self, const char* err) {
    auto p = parse_expression(src);
    ASSERT_TRUE(p.expr) << p.error;
    EXPECT_EQ(resolve_expression(*p.expr, *s, self), err);
  };
  check("${q99} = 1", false, "column 1: unknown question 'q99'");
  check(". = 1", false, "column 1: '.' (this answer) is only allowed in a constraint");
  check("selected(${has_phone}, 'maybe')", false, "column 24: question 'has_phone' has no option 'maybe'");
  check("selected(${age}, '1')", false, "column 1: question 'age' has no options");
}

TEST(Expr, DepthLimits) {
  std::string deep(1000, '(');
  EXPECT_FALSE(parse_expression(deep + "1" + std::string(1000, ')')).expr);
  std::string chain = "1";
  for (int i = 0; i < 2000; ++i) chain += "+1";
  EXPECT_FALSE(parse_expression(chain).expr);
  std::string nots;
  for (int i = 0; i < 500; ++i) nots += "not ";
  EXPECT_FALSE(parse_expression(nots + "1").expr);
  EXPECT_TRUE(parse_expression("not not (1 + (2 * (3)))").expr);
}

TEST(Expr, YesNoAnswerAsCondition) {
  Answers a;
  a["has_phone"] = "yes";
  EXPECT_TRUE(eval("${has_phone}", a));
  a["has_phone"] = "no";
  EXPECT_FALSE(eval("${has_phone}", a));  // "no" is false on its own
  EXPECT_TRUE(eval("not ${has_phone}", a));
  EXPECT_TRUE(eval("${has_phone} = 'no'", a));
  a["village"] = "no";
  EXPECT_TRUE(eval("${village}", a));  // only yesno answers get this reading
}

// Indicator counts (docs/survey-format.md "Indicator"): true 1, false / null 0, numbers as numbers,
// anything else 1 when it is true as a condition.
TEST(Expr, CountForIndicators) {
  auto s = drt::mini();
  auto count = [&](const std::string& src, const Answers& a) {
    auto p = parse_expression(src);
    EXPECT_TRUE(p.expr) << src;
    EXPECT_EQ(resolve_expression(*p.expr, *s, false), "") << src;
    EvalContext ctx(*s, a);
    return ctx.count(*p.expr);
  };
  Answers a;
  a["has_phone"] = "yes";
  a["age"] = 41;
  a["phone_use"] = std::vector<std::string>{"zalo"};
  EXPECT_EQ(count("1", a), 1);
  EXPECT_EQ(count("${age}", a), 41);
  EXPECT_EQ(count("${age} >= 18", a), 1);
  EXPECT_EQ(count("${age} < 18", a), 0);
  EXPECT_EQ(count("${has_phone}", a), 1);       // yesno "yes"
  EXPECT_EQ(count("${phone_use}", a), 1);       // a non-empty choice
  EXPECT_EQ(count("${hours}", a), 0);           // unanswered
  EXPECT_EQ(count("${hours} * 2", a), 0);       // null arithmetic
  EXPECT_EQ(count("1 / 0", a), 0);              // division by zero is null
  a["has_phone"] = "no";
  EXPECT_EQ(count("${has_phone}", a), 0);       // yesno "no" is false
}

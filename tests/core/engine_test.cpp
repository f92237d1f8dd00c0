#include "core/engine.hpp"

#include "test_util.hpp"

using namespace dr;

TEST(Engine, Visibility) {
  auto s = drt::mini();
  Answers a;
  EXPECT_FALSE(is_visible(*s, *s->find("phone_use"), a));
  EXPECT_TRUE(is_visible(*s, *s->find("has_phone"), a));
  a["has_phone"] = "yes";
  EXPECT_TRUE(is_visible(*s, *s->find("phone_use"), a));
  EXPECT_FALSE(is_visible(*s, *s->find("adult_only"), a));
  a["age"] = 20;
  EXPECT_TRUE(is_visible(*s, *s->find("adult_only"), a));
}

TEST(Engine, CheckAnswer) {
  auto s = drt::mini();
  Answers a;
  auto p = check_answer(*s, *s->find("has_phone"), a);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, Problem::Required);
  EXPECT_EQ(p->message, Message("answer.required"));
  EXPECT_EQ(drt::words("vi").text(p->message), "Vui lòng trả lời câu này.");
  EXPECT_FALSE(check_answer(*s, *s->find("hours"), a));  // optional, empty
  a["hours"] = 30;
  p = check_answer(*s, *s->find("hours"), a);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, Problem::Range);
  EXPECT_EQ(p->message, Message("answer.range", {"0", "24"}));
  EXPECT_EQ(drt::words("en").text(p->message), "Please enter a value from 0 to 24.");
  a["note"] = "quá mười ký tự rồi";
  p = check_answer(*s, *s->find("note"), a);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, Problem::Constraint);
  EXPECT_EQ(p->rule.get("en"), "At most 10 characters");  // the survey's own words
  a["note"] = "mười ký tự";  // 10 code points, more bytes
  EXPECT_FALSE(check_answer(*s, *s->find("note"), a));
  a["dob"] = "2023-02-29";
  EXPECT_EQ(check_answer(*s, *s->find("dob"), a)->kind, Problem::Format);
  a["dob"] = "2024-02-29";
  EXPECT_FALSE(check_answer(*s, *s->find("dob"), a));
  a["age"] = 12.5;
  EXPECT_EQ(check_answer(*s, *s->find("age"), a)->kind, Problem::Format);
  // Hidden questions are never checked.
  a["phone_use"] = "garbage";
  EXPECT_FALSE(check_answer(*s, *s->find("phone_use"), a));
  EXPECT_EQ(first_problem(*s, a), s->find("age")->index);
}

TEST(Engine, ToggleExclusive) {
  auto s = drt::mini();
  const Question& q = *s->find("phone_use");
  Answers a;
  toggle_option(q, a, "bank");
  toggle_option(q, a, "call");
  EXPECT_EQ(a["phone_use"].list(), (std::vector<std::string>{"call", "bank"}));  // option order
  toggle_option(q, a, "none");
  EXPECT_EQ(a["phone_use"].list(), (std::vector<std::string>{"none"}));
  toggle_option(q, a, "zalo");
  EXPECT_EQ(a["phone_use"].list(), (std::vector<std::string>{"zalo"}));
  toggle_option(q, a, "zalo");
  EXPECT_EQ(find_answer(a, "phone_use"), nullptr);
  toggle_option(q, a, "unknown");
  EXPECT_EQ(find_answer(a, "phone_use"), nullptr);
  toggle_option(*s->find("confidence"), a, "3");
  EXPECT_EQ(a["confidence"], Value(3));
  EXPECT_TRUE(is_selected(*s->find("confidence"), a, "3"));
  toggle_option(*s->find("has_phone"), a, "no");
  EXPECT_EQ(a["has_phone"], Value("no"));
}

TEST(Engine, TypedInput) {
  auto s = drt::mini();
  bool ok;
  EXPECT_EQ(parse_typed_input(*s->find("hours"), "1,5", ok), Value(1.5));
  EXPECT_TRUE(ok);
  EXPECT_EQ(parse_typed_input(*s->find("hours"), " 2.25 ", ok), Value(2.25));
  parse_typed_input(*s->find("hours"), "1.2.3", ok);
  EXPECT_FALSE(ok);
  parse_typed_input(*s->find("hours"), "abc", ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(parse_typed_input(*s->find("age"), "42", ok), Value(42));
  EXPECT_TRUE(ok);
  parse_typed_input(*s->find("age"), "4.2", ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(parse_typed_input(*s->find("age"), "-3", ok), Value(-3));
  EXPECT_TRUE(ok);
  // Whole numbers with thousands grouped, as people write them.
  for (const char* grouped : {"1.500", "1,500", "1 500"}) {
    EXPECT_EQ(parse_typed_input(*s->find("age"), grouped, ok), Value(1500)) << grouped;
    EXPECT_TRUE(ok) << grouped;
  }
  EXPECT_EQ(parse_typed_input(*s->find("age"), "12.000.000", ok), Value(12000000));
  EXPECT_TRUE(ok);
  EXPECT_EQ(parse_typed_input(*s->find("age"), "-2.000", ok), Value(-2000));
  for (const char* bad : {"1.50", "1.5000", "1.500,000", "1..500", ".500", "1.500.", "1234.567"}) {
    parse_typed_input(*s->find("age"), bad, ok);
    EXPECT_FALSE(ok) << bad;
  }
  EXPECT_TRUE(parse_typed_input(*s->find("age"), "", ok).is_null());
  EXPECT_TRUE(ok);
  EXPECT_EQ(parse_typed_input(*s->find("dob"), "1990-12-31", ok), Value("1990-12-31"));
  EXPECT_TRUE(ok);
  parse_typed_input(*s->find("dob"), "31/12/1990", ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(format_value(Value(1.5)), "1.5");
  EXPECT_EQ(format_value(Value(42)), "42");
}

TEST(Engine, Progress) {
  auto s = drt::mini();
  Answers a;
  Progress p = progress(*s, a);
  // Visible: 4 profile + has_phone, hours, pays_online, otp, note, dob (info and hidden excluded).
  EXPECT_EQ(p.total, 10);
  EXPECT_EQ(p.answered, 0);
  // Waiting on answers not given yet: phone_use, confidence (has_phone), wallet (pays_online),
  // adult_only (computed 'adult' reads age).
  EXPECT_EQ(p.pending, 4);
  EXPECT_EQ(p.expected(), 14);
  EXPECT_EQ(progress(*s, a, s->find("phone_use")->index).pending, 3);  // only those after it
  a = drt::example_a();
  p = progress(*s, a);
  EXPECT_EQ(p.total, 13);
  EXPECT_EQ(p.answered, 8);
  EXPECT_EQ(p.pending, 1);  // adult_only: age not given
  // An answer out of range is not progress (Next refuses it).
  Answers bad = drt::example_a();
  bad["hours"] = 1000.0;  // max 24
  EXPECT_EQ(progress(*s, bad).answered, 8);
  bad["hours"] = 5.0;
  EXPECT_EQ(progress(*s, bad).answered, 9);
  // "No phone" rules the phone questions out: N shrinks, it does not wait for them.
  Answers none;
  none["has_phone"] = "no";
  p = progress(*s, none);
  EXPECT_EQ(p.total, 10);
  EXPECT_EQ(p.pending, 2);
}

TEST(Text, Fallback) {
  Text t;
  t.set("vi", "Có");
  t.set("fr", "Oui");
  EXPECT_EQ(t.get("vi"), "Có");
  EXPECT_EQ(t.get("de"), "Có");  // no English: the first
  t.set("en", "Yes");
  EXPECT_EQ(t.get("de"), "Yes");
  EXPECT_EQ(Text().get("vi"), "");
  EXPECT_EQ(Text::plain("x").get("en"), "x");
}

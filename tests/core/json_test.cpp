// JSON numbers are read without rapidjson's full-precision parser (it reads out of bounds) and still
// round-trip exactly, so checksums over the canonical form stay what the writer computed.
#include "core/json.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "core/result.hpp"
#include "test_util.hpp"

using namespace dr;

namespace {
bool parse_ok(const std::string& text, rapidjson::Document& d, std::string& err) {
  return json::parse(text, 1 << 20, 32, "t.json", d, err);
}
double number(const std::string& text) {
  rapidjson::Document d;
  std::string err;
  EXPECT_TRUE(parse_ok(text, d, err)) << err;
  EXPECT_TRUE(d.IsNumber()) << text;
  return d.IsNumber() ? d.GetDouble() : NAN;
}
std::string refused(const std::string& text) {
  rapidjson::Document d;
  std::string err;
  EXPECT_FALSE(parse_ok(text, d, err)) << text;
  return err;
}
std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
}  // namespace

// The token that crashed `digiready validate` (SIGSEGV) and `digiready import` (ASan: StrtodDiyFp).
TEST(JsonNumbers, FuzzCrashTokenReadsAsTinyNumber) {
  const double want = 0.0;  // 3.3e-334 is below the smallest double: it rounds to zero
  EXPECT_EQ(bits(number("0.3333333373333333332E-333")), bits(want));
  EXPECT_EQ(bits(number("  0.3333333373333333332E-333\n")), bits(want));
  rapidjson::Document d;
  std::string err;
  ASSERT_TRUE(parse_ok("{\"x\":[0.3333333373333333332E-333,-0.3333333373333333332E-333]}", d, err)) << err;
  EXPECT_EQ(bits(d["x"][1].GetDouble()), bits(-want));
  EXPECT_EQ(bits(number("0.33333333733333333e-320")), bits(0.33333333733333333e-320));  // subnormal kept
}

TEST(JsonNumbers, IntegersStayIntegersLikeRapidjson) {
  rapidjson::Document d;
  std::string err;
  ASSERT_TRUE(parse_ok("[0,-0,7,-7,4294967295,18446744073709551615,-9223372036854775808,18446744073709551616]", d, err));
  EXPECT_TRUE(d[0].IsInt());
  EXPECT_TRUE(d[1].IsInt());  // "-0" is the integer 0, as rapidjson reads it
  EXPECT_EQ(d[1].GetInt(), 0);
  EXPECT_EQ(d[2].GetInt(), 7);
  EXPECT_EQ(d[3].GetInt(), -7);
  EXPECT_TRUE(d[4].IsUint());
  EXPECT_FALSE(d[4].IsInt());
  EXPECT_EQ(d[5].GetUint64(), UINT64_MAX);
  EXPECT_EQ(d[6].GetInt64(), INT64_MIN);
  EXPECT_TRUE(d[7].IsDouble());  // past 64 bits: a double
  EXPECT_EQ(d[7].GetDouble(), 18446744073709551616.0);
  EXPECT_EQ(json::canonical(d), "[0,0,7,-7,4294967295,18446744073709551615,-9223372036854775808,18446744073709553000.0]");
}

TEST(JsonNumbers, DecimalsCorrectlyRounded) {
  EXPECT_EQ(bits(number("0.1")), bits(0.1));
  EXPECT_EQ(bits(number("70.31")), bits(70.31));
  EXPECT_EQ(bits(number("2.2250738585072011e-308")), bits(2.2250738585072011e-308));  // the classic hang value
  EXPECT_EQ(bits(number("4.9e-324")), bits(4.9e-324));
  EXPECT_EQ(bits(number("1e-400")), bits(0.0));  // underflow reads as 0, as before
  EXPECT_EQ(bits(number("-0.0")), bits(-0.0));
  EXPECT_EQ(bits(number("1.7976931348623157e308")), bits(1.7976931348623157e308));
}

TEST(JsonNumbers, TooBigOrTooLongRefusedWithLineAndColumn) {
  // rapidjson refuses exponents past 308 itself; what passes that check but is still too big, we do.
  EXPECT_EQ(refused("{\n \"a\": 1.8e308}"), "t.json: a number too big to store (1.8e308) (line 2, column 7)");
  EXPECT_NE(refused("[-1E+999]").find("too big"), std::string::npos);
  EXPECT_NE(refused("[0." + std::string(480, '3') + "]").find("a number longer than 64 characters"), std::string::npos);
  EXPECT_NE(refused("[01]").find("invalid JSON"), std::string::npos);  // the grammar is still rapidjson's
  EXPECT_NE(refused("[1.]").find("invalid JSON"), std::string::npos);
  EXPECT_EQ(refused(""), "t.json: empty file (line 1, column 1)");
}

// Any double the app writes reads back to the same bits and the same canonical text (checksums).
TEST(JsonNumbers, WrittenNumbersRoundTripExactly) {
  std::mt19937_64 rng(20261129);  // fixed seed: the same 20000 doubles every run
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t u = rng();
    double x;
    std::memcpy(&x, &u, sizeof x);
    if (i % 2) x = std::round(x * 100) / 100;  // percentages as stored
    if (!std::isfinite(x)) continue;
    const std::string text = "[" + json::number_text(x) + "]";
    rapidjson::Document d;
    std::string err;
    ASSERT_TRUE(parse_ok(text, d, err)) << err;
    ASSERT_EQ(json::canonical(d), text);
    ASSERT_EQ(bits(d[0].GetDouble()), bits(x == 0 ? 0.0 : x)) << text;
  }
}

TEST(JsonBom, SkippedAtTheStartOnly) {
  rapidjson::Document d;
  std::string err;
  EXPECT_TRUE(json::has_utf8_bom("\xEF\xBB\xBF{}"));
  ASSERT_TRUE(parse_ok("\xEF\xBB\xBF{\"a\":1}", d, err)) << err;
  EXPECT_EQ(d["a"].GetInt(), 1);
  EXPECT_NE(refused("{\"a\":1}\xEF\xBB\xBF").find("invalid JSON"), std::string::npos);
  EXPECT_NE(refused("\xEF\xBB\xBF").find("empty file"), std::string::npos);
}

// Found by fuzz_json: "\uDD57" became bytes that are not UTF-8, so a record read fine and was then
// written back as a file that no reader accepts.
TEST(JsonText, LoneSurrogateEscapesRefused) {
  EXPECT_EQ(refused(R"(["\uDD57"])"), "t.json: a \\u escape that is not a character (a lone surrogate) (line 1, column 10)");
  EXPECT_NE(refused(R"({"\uDFFF":1})").find("lone surrogate"), std::string::npos);
  EXPECT_NE(refused(R"(["\uD800x"])").find("invalid JSON"), std::string::npos);  // rapidjson's own check
  rapidjson::Document d;
  std::string err;
  ASSERT_TRUE(parse_ok(R"(["\uD83D\uDE00 \u1EA4p \uD7FF"])", d, err)) << err;  // a real pair, Ấ, U+D7FF
  EXPECT_EQ(json::sv(d[0]), "\xF0\x9F\x98\x80 \xE1\xBA\xA4p \xED\x9F\xBF");
}

// Internal JSON helpers over rapidjson: guarded parsing, canonical form, small field readers.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/value.hpp"

namespace dr::json {

// Longest number token accepted: answers never need more, and it bounds the work per number.
constexpr std::size_t kMaxNumberChars = 64;

// Size limit, nesting depth (checked on the raw text before building a DOM), UTF-8 validity,
// syntax, numbers (read safely, see json.cpp; too long or too big is refused) and duplicate keys.
// A leading UTF-8 byte-order mark is skipped. On failure `error` is "<file>: <what> (line L, column C)".
bool parse(std::string_view text, std::size_t max_bytes, int max_depth, std::string_view file,
           rapidjson::Document& doc, std::string& error);

bool has_utf8_bom(std::string_view text);

// Keys sorted (bytewise), no whitespace. `skip_top_key`: leave out that top-level member.
std::string canonical(const rapidjson::Value& v, std::string_view skip_top_key = {});

inline std::string_view sv(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }
const char* type_name(const rapidjson::Value& v);

// rapidjson Value <-> answer Value. from_json returns false for types an answer cannot be.
bool from_json(const rapidjson::Value& v, Value& out);
void write_value(rapidjson::Writer<rapidjson::StringBuffer>& w, const Value& v);
// Integral doubles as integers, others shortest round-trip: same text on every platform.
void write_number(rapidjson::Writer<rapidjson::StringBuffer>& w, double d);
// Same rule for plain text (CSV, CLI).
std::string number_text(double d);

}  // namespace dr::json

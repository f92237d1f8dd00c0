#include "core/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <rapidjson/error/en.h>

namespace dr::json {

namespace {

void line_col(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& col) {
  line = 1; col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
  }
}

std::string at(std::string_view file, std::string_view what, std::string_view text, std::size_t offset) {
  std::size_t line, col;
  line_col(text, offset, line, col);
  std::string s(file);
  s += ": ";
  s += what;
  s += " (line " + std::to_string(line) + ", column " + std::to_string(col) + ")";
  return s;
}

// Depth is bounded by the raw-text pre-scan, so this recursion is too.
bool check_keys(const rapidjson::Value& v, std::string& dup) {
  if (v.IsArray()) {
    for (auto& e : v.GetArray())
      if (!check_keys(e, dup)) return false;
  } else if (v.IsObject()) {
    std::vector<std::string_view> keys;
    keys.reserve(v.MemberCount());
    for (auto& m : v.GetObject()) {
      keys.push_back(sv(m.name));
      if (!check_keys(m.value, dup)) return false;
    }
    std::sort(keys.begin(), keys.end());
    auto it = std::adjacent_find(keys.begin(), keys.end());
    if (it != keys.end()) { dup = std::string(*it); return false; }
  }
  return true;
}

void write_canonical(rapidjson::Writer<rapidjson::StringBuffer>& w, const rapidjson::Value& v,
                     std::string_view skip) {
  switch (v.GetType()) {
    case rapidjson::kNullType: w.Null(); break;
    case rapidjson::kFalseType: w.Bool(false); break;
    case rapidjson::kTrueType: w.Bool(true); break;
    case rapidjson::kStringType: w.String(v.GetString(), v.GetStringLength()); break;
    case rapidjson::kNumberType:
      if (v.IsInt64()) w.Int64(v.GetInt64());
      else if (v.IsUint64()) w.Uint64(v.GetUint64());
      else w.Double(v.GetDouble());
      break;
    case rapidjson::kArrayType:
      w.StartArray();
      for (auto& e : v.GetArray()) write_canonical(w, e, {});
      w.EndArray();
      break;
    case rapidjson::kObjectType: {
      std::vector<const rapidjson::Value::Member*> ms;
      ms.reserve(v.MemberCount());
      for (auto& m : v.GetObject())
        if (skip.empty() || sv(m.name) != skip) ms.push_back(&m);
      std::sort(ms.begin(), ms.end(), [](auto* a, auto* b) { return sv(a->name) < sv(b->name); });
      w.StartObject();
      for (auto* m : ms) {
        w.Key(m->name.GetString(), m->name.GetStringLength());
        write_canonical(w, m->value, {});
      }
      w.EndObject();
      break;
    }
  }
}

}  // namespace

bool parse(std::string_view text, std::size_t max_bytes, int max_depth, std::string_view file,
           rapidjson::Document& doc, std::string& error) {
  if (text.size() > max_bytes) {
    error = std::string(file) + ": file is " + std::to_string(text.size()) + " bytes, over the limit of " +
            std::to_string(max_bytes);
    return false;
  }
  // Pre-scan nesting so no deep DOM is ever built (and later walks stay shallow), and number length:
  // rapidjson 1.1.0's full-precision number parser reads out of bounds on numbers with hundreds of
  // digits (found by our fuzzer; CVE-2024-38517, Tencent/rapidjson#2091), so such files are refused.
  int depth = 0;
  bool in_str = false, esc = false;
  std::size_t number_len = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    const bool number_char = !in_str && ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E');
    number_len = number_char ? number_len + 1 : 0;
    if (number_len > kMaxNumberChars) {
      error = at(file, "a number longer than " + std::to_string(kMaxNumberChars) + " characters", text, i);
      return false;
    }
    if (in_str) {
      if (esc) esc = false;
      else if (c == '\\') esc = true;
      else if (c == '"') in_str = false;
    } else if (c == '"') {
      in_str = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        error = at(file, "nested deeper than " + std::to_string(max_depth) + " levels", text, i);
        return false;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  constexpr unsigned kFlags =
      rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;
  doc.Parse<kFlags>(text.data(), text.size());
  if (doc.HasParseError()) {
    std::string what = "invalid JSON: ";
    what += rapidjson::GetParseError_En(doc.GetParseError());
    if (doc.GetParseError() == rapidjson::kParseErrorDocumentEmpty) what = "empty file";
    error = at(file, what, text, doc.GetErrorOffset());
    return false;
  }
  std::string dup;
  if (!check_keys(doc, dup)) {
    error = std::string(file) + ": duplicate key '" + dup + "'";
    return false;
  }
  return true;
}

std::string canonical(const rapidjson::Value& v, std::string_view skip_top_key) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  write_canonical(w, v, skip_top_key);
  return std::string(buf.GetString(), buf.GetSize());
}

const char* type_name(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "boolean";
    case rapidjson::kObjectType: return "object";
    case rapidjson::kArrayType: return "array";
    case rapidjson::kStringType: return "string";
    case rapidjson::kNumberType: return "number";
  }
  return "?";
}

bool from_json(const rapidjson::Value& v, Value& out) {
  if (v.IsNull()) { out = Value(); return true; }
  if (v.IsNumber()) { out = Value(v.GetDouble()); return true; }
  if (v.IsString()) { out = Value(std::string(sv(v))); return true; }
  if (v.IsArray()) {
    std::vector<std::string> l;
    l.reserve(v.Size());
    for (auto& e : v.GetArray()) {
      if (!e.IsString()) return false;
      l.emplace_back(sv(e));
    }
    out = Value(std::move(l));
    return true;
  }
  return false;
}

void write_number(rapidjson::Writer<rapidjson::StringBuffer>& w, double d) {
  if (!std::isfinite(d)) { w.Null(); return; }
  if (d == std::floor(d) && std::fabs(d) < 9e15) w.Int64(static_cast<long long>(d));
  else w.Double(d);
}

std::string number_text(double d) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  write_number(w, d);
  return std::string(buf.GetString(), buf.GetSize());
}

void write_value(rapidjson::Writer<rapidjson::StringBuffer>& w, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: w.Null(); break;
    case Value::Kind::Number: write_number(w, v.number()); break;
    case Value::Kind::String: w.String(v.str().data(), rapidjson::SizeType(v.str().size())); break;
    case Value::Kind::List:
      w.StartArray();
      for (auto& s : v.list()) w.String(s.data(), rapidjson::SizeType(s.size()));
      w.EndArray();
      break;
  }
}

}  // namespace dr::json

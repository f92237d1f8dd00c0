#include "core/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

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

// Offset of the first bracket nested deeper than max_depth, or npos.
std::size_t too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_str = false, esc = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_str) {
      if (esc) esc = false;
      else if (c == '\\') esc = true;
      else if (c == '"') in_str = false;
    } else if (c == '"') {
      in_str = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// rapidjson 1.1.0's own full-precision number parser reads out of bounds (StrtodDiyFp, reached
// through kParseFullPrecisionFlag: CVE-2024-38517, Tencent/rapidjson#2091; the 80-byte file
// "0.3333333373333333332E-333" crashed `digiready validate`). So numbers are read as raw text and
// converted here: integers exactly, others with the C library's correctly rounded strtod, which
// gives the same double as a correct full-precision parse, so canonical forms (checksums) do not
// change. Everything else goes straight to the document.
struct SafeNumbers {
  rapidjson::Document& d;
  std::string problem;  // set when a number is refused

  explicit SafeNumbers(rapidjson::Document& doc) : d(doc) {}
  bool Null() { return d.Null(); }
  bool Bool(bool b) { return d.Bool(b); }
  bool Int(int i) { return d.Int(i); }
  bool Uint(unsigned u) { return d.Uint(u); }
  bool Int64(std::int64_t i) { return d.Int64(i); }
  bool Uint64(std::uint64_t u) { return d.Uint64(u); }
  bool Double(double x) { return d.Double(x); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return text_ok(s, n) && d.String(s, n, copy); }
  bool StartObject() { return d.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return text_ok(s, n) && d.Key(s, n, copy); }

  // rapidjson 1.1.0 turns a lone low surrogate escape ("\uDD57") into bytes that are not UTF-8; the
  // record would read, then be written back as a file nobody can read (found by fuzz_json). Raw
  // bytes were already checked, so ED A0..ED BF here can only come from such an escape.
  bool text_ok(const char* s, rapidjson::SizeType n) {
    for (rapidjson::SizeType i = 0; i + 1 < n; ++i)
      if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
        problem = "a \\u escape that is not a character (a lone surrogate)";
        return false;
      }
    return true;
  }
  bool EndObject(rapidjson::SizeType n) { return d.EndObject(n); }
  bool StartArray() { return d.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { return d.EndArray(n); }

  // `s` is a number token already checked against the JSON grammar, NUL-terminated by the reader.
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    if (n > kMaxNumberChars) {
      problem = "a number longer than " + std::to_string(kMaxNumberChars) + " characters";
      return false;
    }
    const std::string_view t(s, n);
    if (t.find_first_of(".eE") == std::string_view::npos && integer(t)) return true;
    const double x = std::strtod(s, nullptr);
    if (std::isinf(x)) {
      problem = "a number too big to store (" + std::string(t) + ")";
      return false;
    }
    return d.Double(x);
  }

  // Like rapidjson: an integer token that fits 64 bits stays an integer ("-0" is the integer 0).
  bool integer(std::string_view t) {
    const bool minus = !t.empty() && t.front() == '-';
    std::uint64_t u = 0;
    for (char c : t.substr(minus ? 1 : 0)) {
      const unsigned digit = unsigned(c - '0');
      if (u > (UINT64_MAX - digit) / 10) return false;  // too big: read as a double
      u = u * 10 + digit;
    }
    if (!minus) return d.Uint64(u);
    if (u > std::uint64_t(INT64_MAX) + 1) return false;
    return d.Int64(u == std::uint64_t(INT64_MAX) + 1 ? INT64_MIN : -std::int64_t(u));
  }
};

rapidjson::ParseResult populate(std::string_view text, rapidjson::Document& doc, SafeNumbers& h) {
  constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult pr;
  rapidjson::MemoryStream ms(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> is(ms);
  // Populate hands the document to us as a handler and moves the finished root value into it.
  auto generate = [&](rapidjson::Document&) {
    rapidjson::Reader reader;
    pr = reader.Parse<kFlags>(is, h);
    return !pr.IsError();
  };
  doc.Populate(generate);
  return pr;
}

}  // namespace

bool parse(std::string_view text, std::size_t max_bytes, int max_depth, std::string_view file,
           rapidjson::Document& doc, std::string& error) {
  if (text.size() > max_bytes) {
    error = std::string(file) + ": file is " + std::to_string(text.size()) + " bytes, over the limit of " +
            std::to_string(max_bytes);
    return false;
  }
  // Notepad and some phone editors save UTF-8 with a byte-order mark; it is not part of the JSON.
  const std::size_t skip = has_utf8_bom(text) ? 3 : 0;
  const std::string_view body = text.substr(skip);
  // Pre-scan nesting so no deep DOM is ever built (and later walks stay shallow).
  if (std::size_t deep = too_deep(body, max_depth); deep != std::string_view::npos) {
    error = at(file, "nested deeper than " + std::to_string(max_depth) + " levels", text, skip + deep);
    return false;
  }
  SafeNumbers h(doc);
  const rapidjson::ParseResult pr = populate(body, doc, h);
  if (pr.IsError()) {
    std::string what = "invalid JSON: ";
    what += rapidjson::GetParseError_En(pr.Code());
    if (pr.Code() == rapidjson::kParseErrorDocumentEmpty) what = "empty file";
    if (pr.Code() == rapidjson::kParseErrorTermination && !h.problem.empty()) what = h.problem;
    error = at(file, what, text, skip + pr.Offset());
    return false;
  }
  std::string dup;
  if (!check_keys(doc, dup)) {
    error = std::string(file) + ": duplicate key '" + dup + "'";
    return false;
  }
  return true;
}

bool has_utf8_bom(std::string_view text) { return text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF"; }

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

#include "app/workbook.hpp"

#include <cstdio>

#include "core/civil_date.hpp"
#include "core/json.hpp"

namespace app {

Cell Cell::of(std::string s) {
  Cell c;
  if (s.empty()) return c;
  c.kind = Kind::Text;
  c.text = std::move(s);
  return c;
}

Cell Cell::num(double x) {
  Cell c;
  c.kind = Kind::Number;
  c.number = x;
  return c;
}

Cell Cell::num(const std::optional<double>& x) { return x ? num(*x) : Cell(); }

Cell Cell::local_time(std::string_view iso_utc, int utc_offset_minutes) {
  if (iso_utc.empty()) return Cell();
  auto t = shift_time(iso_utc, utc_offset_minutes);
  if (!t) return of(std::string(iso_utc));
  Cell c;
  c.kind = Kind::DateTime;
  c.text = *t;
  return c;
}

namespace {
// Digits at [at, at+n) of s, or -1.
int digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

void write_cell(rapidjson::Writer<rapidjson::StringBuffer>& w, const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::Empty: w.Null(); break;
    case Cell::Kind::Text: w.String(c.text.data(), rapidjson::SizeType(c.text.size())); break;
    case Cell::Kind::Number: dr::json::write_number(w, c.number); break;
    case Cell::Kind::DateTime:
      w.StartObject();
      w.Key("t");
      w.String(c.text.data(), rapidjson::SizeType(c.text.size()));
      w.EndObject();
      break;
  }
}
}  // namespace

std::optional<std::string> shift_time(std::string_view s, int utc_offset_minutes) {
  // YYYY-MM-DDTHH:MM[:SS[.fff]]Z
  const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s[4] != '-' ||
      s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
    return std::nullopt;
  int sec = 0;
  std::size_t rest = 16;
  if (s.size() > 16 && s[16] == ':') {
    sec = digits(s, 17, 2);
    if (sec < 0 || sec > 60) return std::nullopt;
    rest = 19;
    if (rest < s.size() && s[rest] == '.')
      while (++rest < s.size() && s[rest] >= '0' && s[rest] <= '9') {
      }
  }
  if (s.substr(rest) != "Z") return std::nullopt;  // other offsets are not what the app writes
  long long t = dr::days_from_civil(y, unsigned(mo), unsigned(d)) * 86400LL + h * 3600 + mi * 60 + sec;
  t += utc_offset_minutes * 60LL;
  long day = long(t >= 0 ? t / 86400 : (t - 86399) / 86400), yy;
  const long secs = long(t - day * 86400LL);
  unsigned mm, dd;
  dr::civil_from_days(day, yy, mm, dd);
  char b[64];
  std::snprintf(b, sizeof b, "%04ld-%02u-%02u %02ld:%02ld:%02ld", yy, mm, dd, secs / 3600, secs / 60 % 60, secs % 60);
  return std::string(b);
}

std::string to_json(const Workbook& wb) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&w](const std::string& s) { w.String(s.data(), rapidjson::SizeType(s.size())); };
  w.StartObject();
  w.Key("sheets");
  w.StartArray();
  for (const Sheet& sh : wb.sheets) {
    w.StartObject();
    w.Key("name");
    str(sh.name);
    w.Key("columns");
    w.StartArray();
    for (const Column& c : sh.columns) {
      w.StartArray();
      str(c.header);
      str(c.code);
      w.EndArray();
    }
    w.EndArray();
    w.Key("rows");
    w.StartArray();
    for (const auto& row : sh.rows) {
      w.StartArray();
      for (const Cell& c : row) write_cell(w, c);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace app

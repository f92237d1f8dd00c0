// A spreadsheet as the organiser's tabs hand it to the .xlsx writer (src/xlsx): sheets of typed
// cells under two header rows, short words for people and the codes tools match on. Plain data, so
// the page can pass it as JSON to the writer module it loads only when someone exports.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct Cell {
  enum class Kind { Empty, Text, Number, DateTime };
  Kind kind = Kind::Empty;
  std::string text;  // Text; DateTime: local time "YYYY-MM-DD HH:MM:SS"
  double number = 0;

  static Cell of(std::string s);
  static Cell num(double x);
  static Cell num(const std::optional<double>& x);  // empty when absent
  // An ISO-8601 UTC time ("2026-11-28T03:12:45Z", fraction allowed) at `utc_offset_minutes` from
  // UTC; a time that cannot be read stays as its text (nothing is lost).
  static Cell local_time(std::string_view iso_utc, int utc_offset_minutes);
};

struct Column {
  std::string header;  // short, in the reader's language ("Mức")
  std::string code;    // stable, for tools ("level")
};

struct Sheet {
  std::string name;  // ≤ 31 characters, none of []:*?/\ (what spreadsheets accept)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

struct Workbook {
  std::vector<Sheet> sheets;
};

// {"sheets":[{"name","columns":[[header,code]],"rows":[[cell…]]}]}; a cell is null (empty), a
// string, a number, or {"t":"YYYY-MM-DD HH:MM:SS"} (a date-time).
std::string to_json(const Workbook& wb);

// "YYYY-MM-DD HH:MM:SS" of an ISO-8601 UTC time moved by the offset, or nothing if unreadable.
std::optional<std::string> shift_time(std::string_view iso_utc, int utc_offset_minutes);

}  // namespace app

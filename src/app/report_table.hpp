// A tab's content as a table: columns with a short header in the reader's language and a code
// (for tools), rows of typed cells. The village table is one; the exports (CSV now, a workbook
// sheet later) write exactly what the tab shows from it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct ReportColumn {
  std::string header;  // short, in the reader's language: "An toàn"
  std::string code;    // stable: "safety", "ind.adult_smartphone"
};

struct ReportCell {
  enum class Kind { Empty, Text, Count, Percent };
  Kind kind = Kind::Empty;
  std::string text;                // Text
  std::optional<double> number;    // Count: the count; Percent: the % (none: nobody counted)
  std::size_t n = 0;               // Percent: how many it is worked out from (the n of the cell)
  std::optional<double> of;        // Percent of an indicator: Σ numerator and Σ denominator
  std::optional<double> numerator;
  static ReportCell label(std::string t) { return {Kind::Text, std::move(t), {}, 0, {}, {}}; }
  static ReportCell count(double c) { return {Kind::Count, {}, c, 0, {}, {}}; }
  static ReportCell percent(std::optional<double> p, std::size_t n) { return {Kind::Percent, {}, p, n, {}, {}}; }
};

struct ReportTable {
  std::vector<ReportColumn> columns;
  std::vector<std::vector<ReportCell>> rows;  // each as long as columns
};

// CSV (UTF-8 with BOM, CRLF, RFC 4180): a header row "header [code]"; a percent column is followed
// by its n ("n [code.n]"); percents with two decimals as the other exports write them.
std::string report_csv(const ReportTable& t);

}  // namespace app

#include "app/report_table.hpp"

#include <cmath>
#include <utility>

#include "core/importer.hpp"
#include "core/json.hpp"

namespace app {

namespace {
struct Line {
  std::string out;
  bool first = true;
  void cell(const std::string& s) {
    if (!first) out += ',';
    out += dr::csv_field(s);
    first = false;
  }
  std::string end() {
    first = true;
    return std::exchange(out, {}) + "\r\n";
  }
};

std::string number(double x) { return dr::json::number_text(std::round(x * 100) / 100); }

// Whether column `c` holds percents (then an n column follows it).
bool percent_column(const ReportTable& t, std::size_t c) {
  for (const auto& row : t.rows)
    if (c < row.size() && row[c].kind == ReportCell::Kind::Percent) return true;
  return false;
}
}  // namespace

std::string report_csv(const ReportTable& t) {
  std::string out = "\xEF\xBB\xBF";
  Line l;
  std::vector<bool> pct(t.columns.size());
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    pct[c] = percent_column(t, c);
    l.cell(t.columns[c].header + (pct[c] ? " %" : "") + " [" + t.columns[c].code + "]");
    if (pct[c]) l.cell("n [" + t.columns[c].code + ".n]");
  }
  out += l.end();
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const ReportCell cell = c < row.size() ? row[c] : ReportCell();
      switch (cell.kind) {
        case ReportCell::Kind::Text: l.cell(cell.text); break;
        case ReportCell::Kind::Count: l.cell(cell.number ? number(*cell.number) : ""); break;
        case ReportCell::Kind::Percent: l.cell(cell.number ? number(*cell.number) : ""); break;
        case ReportCell::Kind::Empty: l.cell(""); break;
      }
      if (pct[c]) l.cell(cell.kind == ReportCell::Kind::Percent ? std::to_string(cell.n) : "");
    }
    out += l.end();
  }
  return out;
}

}  // namespace app

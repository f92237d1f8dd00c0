#include "xlsx/xlsx_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include <rapidjson/document.h>
#include <xlsxwriter.h>

namespace xlsx {

namespace {

std::size_t utf8_chars(std::string_view s) {
  return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool read_cell(const rapidjson::Value& v, app::Cell& c) {
  if (v.IsNull()) return true;
  if (v.IsString()) {
    c.kind = app::Cell::Kind::Text;
    c.text.assign(v.GetString(), v.GetStringLength());
  } else if (v.IsNumber()) {
    c.kind = app::Cell::Kind::Number;
    c.number = v.GetDouble();
  } else if (v.IsObject() && v.HasMember("t") && v["t"].IsString()) {
    c.kind = app::Cell::Kind::DateTime;
    c.text.assign(v["t"].GetString(), v["t"].GetStringLength());
  } else {
    return false;
  }
  return true;
}

std::string read_sheet(const rapidjson::Value& v, app::Sheet& sh) {
  if (!v.IsObject() || !v.HasMember("name") || !v["name"].IsString() || !v.HasMember("columns") ||
      !v["columns"].IsArray() || !v.HasMember("rows") || !v["rows"].IsArray())
    return "a sheet needs name, columns and rows";
  sh.name = v["name"].GetString();
  for (const auto& c : v["columns"].GetArray()) {
    if (!c.IsArray() || c.Size() != 2 || !c[0].IsString() || !c[1].IsString()) return "a column is [header, code]";
    sh.columns.push_back({c[0].GetString(), c[1].GetString()});
  }
  for (const auto& r : v["rows"].GetArray()) {
    if (!r.IsArray()) return "a row is a list of cells";
    std::vector<app::Cell> row(r.Size());
    for (rapidjson::SizeType i = 0; i < r.Size(); ++i)
      if (!read_cell(r[i], row[i])) return "a cell is null, text, a number or {\"t\": time}";
    sh.rows.push_back(std::move(row));
  }
  return "";
}

// "YYYY-MM-DD HH:MM:SS" as libxlsxwriter's date-time, or false.
bool to_datetime(const std::string& t, lxw_datetime& dt) {
  int y, mo, d, h, mi, s;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return false;
  dt = {y, mo, d, h, mi, double(s)};
  return true;
}

struct Formats {
  lxw_format *header, *code, *datetime;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, 0xE8F0E8);
  format_set_italic(f.code);
  format_set_font_color(f.code, LXW_COLOR_GRAY);
  // Day first, as dates are written in Vietnam; the value is a real date-time whatever the display.
  format_set_num_format(f.datetime, "dd/mm/yyyy hh:mm");
  return f;
}

// Wide enough for the header words (wrapped over two lines past 24) and the longest cell, kept
// readable on a laptop: 8 to 40 characters.
double width_of(const app::Sheet& sh, std::size_t col) {
  std::size_t w = std::min<std::size_t>(utf8_chars(sh.columns[col].header), 24);
  w = std::max(w, utf8_chars(sh.columns[col].code));
  for (const auto& row : sh.rows) {
    if (col >= row.size()) continue;
    const app::Cell& c = row[col];
    w = std::max(w, c.kind == app::Cell::Kind::DateTime ? 16 : c.kind == app::Cell::Kind::Number ? 8 : utf8_chars(c.text));
  }
  return double(std::clamp<std::size_t>(w + 2, 8, 40));
}

lxw_error write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const app::Cell& cell, const Formats& f) {
  switch (cell.kind) {
    case app::Cell::Kind::Empty: return LXW_NO_ERROR;
    case app::Cell::Kind::Text: return worksheet_write_string(ws, r, c, cell.text.c_str(), nullptr);
    case app::Cell::Kind::Number: return worksheet_write_number(ws, r, c, cell.number, nullptr);
    case app::Cell::Kind::DateTime: {
      lxw_datetime dt;
      if (!to_datetime(cell.text, dt)) return worksheet_write_string(ws, r, c, cell.text.c_str(), nullptr);
      return worksheet_write_datetime(ws, r, c, &dt, f.datetime);
    }
  }
  return LXW_NO_ERROR;
}

std::string write_sheet(lxw_workbook* wb, const app::Sheet& sh, const std::string& name, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) return "sheet \"" + name + "\" could not be added";
  const lxw_col_t cols = lxw_col_t(sh.columns.size());
  for (lxw_col_t c = 0; c < cols; ++c) {
    worksheet_set_column(ws, c, c, width_of(sh, c), nullptr);
    worksheet_write_string(ws, 0, c, sh.columns[c].header.c_str(), f.header);
    worksheet_write_string(ws, 1, c, sh.columns[c].code.c_str(), f.code);
  }
  for (std::size_t r = 0; r < sh.rows.size(); ++r)
    for (std::size_t c = 0; c < sh.rows[r].size() && c < sh.columns.size(); ++c)
      if (lxw_error e = write_cell(ws, lxw_row_t(r + 2), lxw_col_t(c), sh.rows[r][c], f))
        return name + " row " + std::to_string(r + 3) + ": " + lxw_strerror(e);
  // Headers and the who-column stay in view; the codes row carries the filter buttons.
  worksheet_freeze_panes(ws, 2, 1);
  if (cols) worksheet_autofilter(ws, 1, 0, lxw_row_t(sh.rows.size() + 1), lxw_col_t(cols - 1));
  return "";
}

}  // namespace

std::string sheet_name(std::string_view wanted) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const char c = wanted[i];
    const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (lead && chars == 31) break;
    chars += lead;
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  }
  return out.empty() ? "Sheet" : out;
}

std::string from_json(std::string_view json, app::Workbook& out) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) return "the workbook is not JSON";
  if (!doc.IsObject() || !doc.HasMember("sheets") || !doc["sheets"].IsArray()) return "the workbook needs sheets";
  out = app::Workbook();
  for (const auto& s : doc["sheets"].GetArray()) {
    app::Sheet sh;
    if (std::string e = read_sheet(s, sh); !e.empty()) return e;
    out.sheets.push_back(std::move(sh));
  }
  return out.sheets.empty() ? "the workbook has no sheet" : "";
}

std::string write(const app::Workbook& wb, const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return "cannot create " + path;
  const Formats f = make_formats(book);
  std::set<std::string> used;
  std::string problem;
  for (const app::Sheet& sh : wb.sheets) {
    std::string name = sheet_name(sh.name);
    for (int n = 2; used.count(name); ++n) name = sheet_name(sh.name.substr(0, 24)) + " (" + std::to_string(n) + ")";
    used.insert(name);
    problem = write_sheet(book, sh, name, f);
    if (!problem.empty()) break;
  }
  // Closing writes the file; it must happen even after a problem (it frees the workbook).
  const lxw_error e = workbook_close(book);
  if (problem.empty() && e != LXW_NO_ERROR) problem = std::string("cannot write ") + path + ": " + lxw_strerror(e);
  if (!problem.empty()) std::remove(path.c_str());
  return problem;
}

}  // namespace xlsx

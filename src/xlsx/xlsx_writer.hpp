// The .xlsx writer: a Workbook (app/workbook.hpp) written with libxlsxwriter (Debian's source
// package, built by tools/xlsxwriter.sh). The same code runs in the CLI (`digiready export`) and,
// compiled apart, in the page's lazily loaded writer module (xlsx_module.cpp).
#pragma once
#include <string>
#include <string_view>

#include "app/workbook.hpp"

namespace xlsx {

// The workbook from app::to_json's form; "" when read, else what is wrong with the text.
std::string from_json(std::string_view json, app::Workbook& out);

// Writes `wb` to the file at `path` (a temporary directory is needed: libxlsxwriter builds the zip
// there). Returns "" on success, else the reason.
std::string write(const app::Workbook& wb, const std::string& path);

// A sheet name spreadsheets accept: none of []:*?/\ and at most 31 characters.
std::string sheet_name(std::string_view wanted);

}  // namespace xlsx

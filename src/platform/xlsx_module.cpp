// The page's spreadsheet writer: a wasm module of its own (digiready-xlsx.js, MODULARIZE), loaded
// only when a person presses export, so the first load does not carry libxlsxwriter and zlib.
// The page hands it the workbook as JSON (app::to_json) and gets the .xlsx bytes back
// (web/shell.js, hook._exportXlsx). libxlsxwriter writes to a file: here Emscripten's in-memory one.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <emscripten.h>

#include "xlsx/xlsx_writer.hpp"

namespace {

// The bytes (or the problem, *size < 0) in a malloc'd buffer the page frees with _free.
char* hand_over(const std::string& bytes, int* size, bool ok) {
  char* out = static_cast<char*>(std::malloc(bytes.size() + 1));
  if (!out) {
    *size = -1;
    return nullptr;
  }
  std::memcpy(out, bytes.data(), bytes.size());
  out[bytes.size()] = '\0';
  *size = ok ? int(bytes.size()) : -1;
  return out;
}

std::string read_all(const char* path) {
  std::string out;
  if (std::FILE* f = std::fopen(path, "rb")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

}  // namespace

extern "C" {
// `json`: the workbook (NUL-terminated UTF-8). Returns the .xlsx bytes with *size their count, or
// the problem in words with *size = -1.
EMSCRIPTEN_KEEPALIVE char* digiready_xlsx(const char* json, int* size) {
  app::Workbook wb;
  std::string problem = xlsx::from_json(json, wb);
  const char* path = "/tmp/digiready.xlsx";
  if (problem.empty()) problem = xlsx::write(wb, path);
  if (!problem.empty()) return hand_over(problem, size, false);
  const std::string bytes = read_all(path);
  std::remove(path);
  if (bytes.empty()) return hand_over("the file written could not be read", size, false);
  return hand_over(bytes, size, true);
}
}

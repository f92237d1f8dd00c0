// NDJSON batches (the organiser's export, enumerator mode): one JSON record per line.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace dr {

struct NdjsonRecord {
  std::size_t line;       // 1-based line number in the batch
  std::string_view text;  // the line without its line ending; points into the batch text
};

// Lines end with LF or CRLF (a batch re-saved on Windows); a UTF-8 byte-order mark at the start and
// lines holding only spaces, tabs or CRs are skipped (an editor's trailing blank line is not a record).
std::vector<NdjsonRecord> split_ndjson(std::string_view text);

}  // namespace dr

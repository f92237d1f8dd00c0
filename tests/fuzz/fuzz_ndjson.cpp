// NDJSON splitting: the records are exactly the non-blank lines, in order, each without its line
// ending (LF or CRLF), numbered as an editor numbers them, and pointing into the batch.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ndjson.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto records = dr::split_ndjson(text);
  // The same rule written the slow way: walk the bytes, cut at every LF.
  std::size_t listed = 0, line = 1, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    std::string_view l = text.substr(start, i - start);
    if (line == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find_first_not_of(" \t\r") != std::string_view::npos) {
      if (listed >= records.size()) __builtin_trap();
      const auto& r = records[listed++];
      if (r.line != line || r.text.data() != l.data() || r.text.size() != l.size()) __builtin_trap();
    }
    ++line;
    start = i + 1;
  }
  if (listed != records.size()) __builtin_trap();
  return 0;
}

#include "core/ndjson.hpp"

#include "core/json.hpp"

namespace dr {

std::vector<NdjsonRecord> split_ndjson(std::string_view text) {
  std::vector<NdjsonRecord> out;
  if (json::has_utf8_bom(text)) text.remove_prefix(3);
  std::size_t line = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view rec = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line;
    if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
    if (rec.find_first_not_of(" \t\r") != std::string_view::npos) out.push_back({line, rec});
  }
  return out;
}

}  // namespace dr

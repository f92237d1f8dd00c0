// JSON reader (numbers read as text and converted by strtod, never by rapidjson's full-precision
// parser): any bytes give a document or an error; a document's canonical form reads back to the same
// canonical form, which is what result checksums rely on.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rapidjson::Document doc;
  std::string err;
  if (!dr::json::parse(text, 1 << 20, 32, "fuzz.json", doc, err)) {
    if (err.rfind("fuzz.json: ", 0) != 0) __builtin_trap();  // every refusal names the file
    return 0;
  }
  const std::string canon = dr::json::canonical(doc);
  rapidjson::Document again;
  if (!dr::json::parse(canon, SIZE_MAX, 32, "canon.json", again, err)) __builtin_trap();
  if (dr::json::canonical(again) != canon) __builtin_trap();
  return 0;
}

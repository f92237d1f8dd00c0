// Text folding and ordering (search, place names, the organiser's sort): tidy / trim / fold are
// idempotent, and natural_compare is a strict weak order that only says "equal" for equal bytes —
// std::sort on anything less is undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/fold.hpp"

namespace {
int sign(int x) { return (x > 0) - (x < 0); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view part[3];
  for (int k = 0; k < 2; ++k) {
    const std::size_t z = text.find('\0');
    part[k] = text.substr(0, z);
    text.remove_prefix(z == std::string_view::npos ? text.size() : z + 1);
  }
  part[2] = text;
  for (auto s : part) {
    const std::string t = dr::tidy(s);
    if (dr::tidy(t) != t || t.find("  ") != std::string::npos) __builtin_trap();
    if (!t.empty() && (t.front() == ' ' || t.back() == ' ')) __builtin_trap();
    const std::string tr = dr::trim(s);
    if (dr::trim(tr) != tr) __builtin_trap();
    const std::string f = dr::fold(s);
    if (dr::fold(f) != f) __builtin_trap();
    if (dr::natural_compare(s, s) != 0) __builtin_trap();
  }
  const auto& a = part[0];
  const auto& b = part[1];
  const auto& c = part[2];
  const int ab = sign(dr::natural_compare(a, b)), ba = sign(dr::natural_compare(b, a));
  if (ab != -ba || (ab == 0) != (a == b)) __builtin_trap();
  const int bc = sign(dr::natural_compare(b, c)), ac = sign(dr::natural_compare(a, c));
  if (ab < 0 && bc < 0 && ac >= 0) __builtin_trap();  // transitive
  if (ab > 0 && bc > 0 && ac <= 0) __builtin_trap();
  return 0;
}

// Equality of short byte strings (ids, option values) without a libc memcmp call: these are a few
// bytes long and compared on the scoring hot path, where the call costs more than the compare.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dr {

template <class T>
inline T load_bytes(const char* p) {
  T x;
  std::memcpy(&x, p, sizeof x);  // fixed-size memcpy compiles to a plain (unaligned) load
  return x;
}

inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *p = a.data(), *q = b.data();
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load_bytes<std::uint64_t>(p + i) != load_bytes<std::uint64_t>(q + i)) return false;
    // The last word may overlap the one before it; that only re-checks equal bytes.
    return load_bytes<std::uint64_t>(p + n - 8) == load_bytes<std::uint64_t>(q + n - 8);
  }
  if (n >= 4)
    return load_bytes<std::uint32_t>(p) == load_bytes<std::uint32_t>(q) &&
           load_bytes<std::uint32_t>(p + n - 4) == load_bytes<std::uint32_t>(q + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace dr

#include "core/base45.hpp"

#include <cstdint>

namespace dr {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

int digit(char c) {
  for (int i = 0; i < 45; ++i)
    if (kAlphabet[i] == c) return i;
  return -1;
}
}  // namespace

std::string base45_encode(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() / 2 * 3 + 2);
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    unsigned n = unsigned(std::uint8_t(bytes[i])) * 256 + std::uint8_t(bytes[i + 1]);
    out += kAlphabet[n % 45];
    out += kAlphabet[n / 45 % 45];
    out += kAlphabet[n / 2025];
  }
  if (i < bytes.size()) {
    unsigned n = std::uint8_t(bytes[i]);
    out += kAlphabet[n % 45];
    out += kAlphabet[n / 45];
  }
  return out;
}

std::optional<std::string> base45_decode(std::string_view text) {
  if (text.size() % 3 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 3 * 2 + 1);
  for (std::size_t i = 0; i < text.size(); i += 3) {
    std::size_t n = text.size() - i < 3 ? 2 : 3;
    unsigned v = 0, scale = 1;
    for (std::size_t k = 0; k < n; ++k) {
      int d = digit(text[i + k]);
      if (d < 0) return std::nullopt;
      v += unsigned(d) * scale;
      scale *= 45;
    }
    if (n == 3) {
      if (v > 0xFFFF) return std::nullopt;
      out += char(v >> 8);
    } else if (v > 0xFF) {
      return std::nullopt;
    }
    out += char(v & 0xFF);
  }
  return out;
}

}  // namespace dr

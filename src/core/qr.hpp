// QR code module matrix for a text payload (the compact result text), for the UI to draw as
// rectangles. Made with Nayuki's QR Code generator (Debian source package qr-code-generator,
// fetched at build time by tools/qrcodegen.sh). Text made only of 0-9 A-Z space $ % * + - . / :
// (as base45 is) goes in alphanumeric mode, 5.5 bits per character; other text in byte mode.
// Does not draw, scan or pick colours: dark modules are drawn dark on a light background.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dr {

enum class QrEcc : unsigned char { Low, Medium, Quartile, High };  // recovers ~7 / 15 / 25 / 30 % damage

struct QrMatrix {
  int size = 0;    // modules per side of the symbol (21 for version 1 ... 177 for version 40); 0 = none
  int quiet = 4;   // light modules to leave on each side: the standard's quiet zone, which scanners need
  int version = 0;
  QrEcc ecc = QrEcc::Low;         // the level used: at least the one asked, raised when it costs no size
  std::vector<bool> dark_module;  // size * size, row by row
  std::string error;              // why there is no code ("" = ok)

  // Side of the whole picture in modules, quiet zone included.
  int side() const { return size + 2 * quiet; }
  // Module at (x, y) of the whole picture (0 .. side()-1, quiet zone included; outside = light).
  bool dark(int x, int y) const {
    x -= quiet;
    y -= quiet;
    return x >= 0 && y >= 0 && x < size && y < size && dark_module[std::size_t(y) * std::size_t(size) + std::size_t(x)];
  }
};

// The smallest code that holds `text` at `ecc` or better. Never throws: text too long for a
// version-40 code, or holding a NUL byte, gives size 0 and an error.
QrMatrix qr_encode(std::string_view text, QrEcc ecc);

}  // namespace dr

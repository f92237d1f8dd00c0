// What "Show QR code" shows for a result: its compact text (docs/result-format.md "Compact form") as
// one QR code, or why it cannot be one. Decided here, not in the screen, so it is tested natively.
#pragma once
#include <string>

#include "core/compact.hpp"
#include "core/qr.hpp"

namespace app {

struct ResultQr {
  std::string text;    // "DR1:..." as a scanner reads it back
  dr::QrMatrix matrix; // modules to draw (quiet zone included), size 0 when there is none
  std::string error;   // technical reason there is no code ("" = ok)
  bool ok() const { return error.empty(); }
};

// Medium error correction: a phone screen photographed by another phone has glare and smudges;
// the QR library raises the level further when that costs no size.
ResultQr result_qr(const dr::Result& r, const dr::Survey& s);

}  // namespace app

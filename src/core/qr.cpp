#include "core/qr.hpp"

#include <cstdint>

// Nayuki's C library rather than its C++ one: the C++ encoder builds its "too long" message with
// std::ostringstream, which pulls iostreams and locales (~35 KB brotli) into the wasm's first load.
// The C one needs no allocation, no exceptions and no iostreams.
extern "C" {
#include <qrcodegen.h>
}

namespace dr {

namespace {

qrcodegen_Ecc to_lib(QrEcc e) {
  switch (e) {
    case QrEcc::Low: return qrcodegen_Ecc_LOW;
    case QrEcc::Medium: return qrcodegen_Ecc_MEDIUM;
    case QrEcc::Quartile: return qrcodegen_Ecc_QUARTILE;
    case QrEcc::High: return qrcodegen_Ecc_HIGH;
  }
  return qrcodegen_Ecc_LOW;
}

// Encodes `text` at exactly `ecc`, in versions lo..hi; false when it does not fit.
bool encode(const std::string& text, QrEcc ecc, int lo, int hi, std::vector<std::uint8_t>& code) {
  std::vector<std::uint8_t> temp(qrcodegen_BUFFER_LEN_MAX);
  code.assign(qrcodegen_BUFFER_LEN_MAX, 0);
  return qrcodegen_encodeText(text.c_str(), temp.data(), code.data(), to_lib(ecc), lo, hi, qrcodegen_Mask_AUTO, false);
}

}  // namespace

QrMatrix qr_encode(std::string_view text, QrEcc ecc) {
  QrMatrix m;
  if (text.find('\0') != std::string_view::npos) {
    m.error = "text holds a NUL byte";
    return m;
  }
  const std::string s(text);
  std::vector<std::uint8_t> code;
  if (!encode(s, ecc, qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX, code)) {
    m.error = "too long for a QR code (" + std::to_string(text.size()) + " characters)";
    return m;
  }
  m.size = qrcodegen_getSize(code.data());
  m.version = (m.size - 17) / 4;
  m.ecc = ecc;
  // A higher level that fits the same version costs nothing: take the highest (as the library's
  // boostEcl does, done here so the level used is known).
  std::vector<std::uint8_t> better;
  for (int e = int(QrEcc::High); e > int(ecc); --e)
    if (encode(s, QrEcc(e), m.version, m.version, better)) {
      code.swap(better);
      m.ecc = QrEcc(e);
      break;
    }
  m.dark_module.resize(std::size_t(m.size) * std::size_t(m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      m.dark_module[std::size_t(y) * std::size_t(m.size) + std::size_t(x)] = qrcodegen_getModule(code.data(), x, y);
  return m;
}

}  // namespace dr

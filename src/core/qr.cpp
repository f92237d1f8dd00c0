#include "core/qr.hpp"

#include <qrcodegen.hpp>

namespace dr {

namespace {

qrcodegen::QrCode::Ecc to_lib(QrEcc e) {
  switch (e) {
    case QrEcc::Low: return qrcodegen::QrCode::Ecc::LOW;
    case QrEcc::Medium: return qrcodegen::QrCode::Ecc::MEDIUM;
    case QrEcc::Quartile: return qrcodegen::QrCode::Ecc::QUARTILE;
    case QrEcc::High: return qrcodegen::QrCode::Ecc::HIGH;
  }
  return qrcodegen::QrCode::Ecc::LOW;
}

QrEcc from_lib(qrcodegen::QrCode::Ecc e) {
  switch (e) {
    case qrcodegen::QrCode::Ecc::LOW: return QrEcc::Low;
    case qrcodegen::QrCode::Ecc::MEDIUM: return QrEcc::Medium;
    case qrcodegen::QrCode::Ecc::QUARTILE: return QrEcc::Quartile;
    case qrcodegen::QrCode::Ecc::HIGH: return QrEcc::High;
  }
  return QrEcc::Low;
}

// Data codewords of a version-40 code per level (ISO/IEC 18004 table 9). Checked here because the
// library reports "too long" by throwing, and the web build has no exceptions.
int max_data_bits(QrEcc e) {
  static const int kCodewords[] = {2956, 2334, 1666, 1276};
  return kCodewords[int(e)] * 8;
}

}  // namespace

QrMatrix qr_encode(std::string_view text, QrEcc ecc) {
  QrMatrix m;
  if (text.find('\0') != std::string_view::npos) {
    m.error = "text holds a NUL byte";
    return m;
  }
  std::string s(text);
  std::vector<qrcodegen::QrSegment> segs = qrcodegen::QrSegment::makeSegments(s.c_str());
  int bits = qrcodegen::QrSegment::getTotalBits(segs, qrcodegen::QrCode::MAX_VERSION);
  if (bits < 0 || bits > max_data_bits(ecc)) {
    m.error = "too long for a QR code (" + std::to_string(text.size()) + " characters)";
    return m;
  }
  qrcodegen::QrCode code = qrcodegen::QrCode::encodeSegments(segs, to_lib(ecc));
  m.size = code.getSize();
  m.version = code.getVersion();
  m.ecc = from_lib(code.getErrorCorrectionLevel());
  m.dark_module.resize(std::size_t(m.size) * std::size_t(m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark_module[std::size_t(y) * std::size_t(m.size) + std::size_t(x)] = code.getModule(x, y);
  return m;
}

}  // namespace dr

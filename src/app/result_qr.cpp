#include "app/result_qr.hpp"

namespace app {

ResultQr result_qr(const dr::Result& r, const dr::Survey& s) {
  ResultQr out;
  const dr::CompactEncoding enc = dr::encode_compact(r, s);
  if (!enc.ok()) {
    out.error = enc.error;
    return out;
  }
  out.text = dr::compact_text(enc.bytes);
  out.matrix = dr::qr_encode(out.text, dr::QrEcc::Medium);
  if (!out.matrix.error.empty()) out.error = out.matrix.error;
  return out;
}

}  // namespace app

// Forced into qrcodegen.cpp in the web build only (CMakeLists.txt). The library's one use of
// std::ostringstream builds the message of its "data too long" error, which dr::qr_encode never lets
// happen (it checks the length first); that one use would link iostreams and locales into the wasm,
// ~30 KB brotli of the first load. The message is built with a plain string instead.
#pragma once
#include <sstream>  // included first, so the name below is not replaced inside the standard library
#include <string>

namespace std {
struct digiready_qr_message {
  std::string text;
  digiready_qr_message& operator<<(const char* s) { text += s; return *this; }
  digiready_qr_message& operator<<(int v) { text += std::to_string(v); return *this; }
  std::string str() const { return text; }
};
}  // namespace std
#define ostringstream digiready_qr_message

#include "app/scan_session.hpp"

namespace app {

bool ScanSession::take(const std::string& text) {
  // Scanners may add a line break or spaces around the text; the code is the same.
  const auto a = text.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return false;
  const auto b = text.find_last_not_of(" \t\r\n");
  return seen_.insert(text.substr(a, b - a + 1)).second;
}

}  // namespace app

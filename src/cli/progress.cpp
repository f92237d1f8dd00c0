#include "cli/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace drcli {

Progress::Progress() : tty_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}

void Progress::update(std::size_t records) {
  if (!tty_) return;
  const auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  const double s = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\033[Kđã đọc %zu kết quả / read %zu records, %.0f/s", records, records, double(records) / s);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  shown_ = false;
}

}  // namespace drcli

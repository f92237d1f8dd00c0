#include "cli/progress.hpp"

#include <cstdio>
#include <utility>
#include <unistd.h>

#include "core/strings.hpp"

namespace drcli {

Progress::Progress(std::string words)
    : words_(std::move(words)), tty_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}

void Progress::update(std::size_t records) {
  if (!tty_) return;
  const auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  const double s = std::chrono::duration<double>(now - start_).count();
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.0f", double(records) / s);
  const std::string line = dr::format(words_, {std::to_string(records), rate});
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  shown_ = false;
}

}  // namespace drcli

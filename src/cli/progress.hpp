// A one-line progress count on stderr for long imports, only when stderr is a terminal (a log file
// or a pipe gets no carriage-return noise).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace drcli {

class Progress {
 public:
  // `words`: the line with {0} records and {1} per second (locale key cli.progress).
  explicit Progress(std::string words);
  void update(std::size_t records);  // cheap; redraws at most twice a second, after the first second
  void clear();                      // before other stderr lines, and at the end

 private:
  using Clock = std::chrono::steady_clock;
  std::string words_;
  bool tty_;
  bool shown_ = false;
  Clock::time_point start_, last_;
};

}  // namespace drcli

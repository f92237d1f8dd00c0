// A team member scanning phones one after another: each code the camera reads is handed over once
// (the camera sees the same code many times a second), counted, and goes to the organiser's import
// exactly like a file. Whether it is a new result or one already imported, the importer decides.
#pragma once
#include <cstddef>
#include <set>
#include <string>

namespace app {

class ScanSession {
 public:
  // A code read by the camera. True the first time this text is seen in this session: import it
  // (as the file `name()`) and tell the person (vibration, count).
  bool take(const std::string& text);
  std::size_t count() const { return seen_.size(); }
  // The file name the import reports give the last code taken ("qr-3.txt").
  std::string name() const { return "qr-" + std::to_string(seen_.size()) + ".txt"; }
  void reset() {
    seen_.clear();
    problem.clear();
  }
  // Why the camera cannot scan ("no_detector", "no_camera", "denied"; "" = scanning).
  std::string problem;

 private:
  std::set<std::string> seen_;
};

}  // namespace app

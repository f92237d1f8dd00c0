// Whole-file reading for tests and benchmarks (the core itself does no file I/O).
#pragma once
#include <cstdio>
#include <string>

namespace drt {

inline std::string read_file(const std::string& path) {
  std::string out;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

}  // namespace drt

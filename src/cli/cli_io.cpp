#include "cli/cli_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace drcli {

bool read_file(const std::string& path, std::size_t limit, std::string& out, std::string& err) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) { err = path + ": cannot open: " + std::strerror(errno); return false; }
  out.clear();
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > limit) break;
  }
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) { err = path + ": read error"; return false; }
  return true;  // the size limit itself is checked (and reported) by the loaders
}

bool write_file(const std::string& path, const std::string& data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) { std::fprintf(stderr, "%s: cannot write: %s\n", path.c_str(), std::strerror(errno)); return false; }
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) std::fprintf(stderr, "%s: write failed\n", path.c_str());
  return ok;
}

void print_all(const std::vector<std::string>& lines, const char* prefix) {
  for (auto& l : lines) std::fprintf(stderr, "%s%s\n", prefix, l.c_str());
}

}  // namespace drcli

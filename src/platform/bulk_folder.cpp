#include "platform/bulk_folder.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "platform/folder_bytes.hpp"

namespace platform {

namespace fs = std::filesystem;

FolderBulkStore::FolderBulkStore(std::string folder, std::size_t capacity_bytes)
    : folder_(std::move(folder)), capacity_(capacity_bytes) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
}

// List names are plain identifiers ("organiser.kept"); anything else becomes '_'.
std::string FolderBulkStore::list_dir(std::string_view list) const {
  std::string name(list);
  for (char& c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) c = '_';
  return (fs::path(folder_) / name).string();
}

std::size_t FolderBulkStore::used_bytes() const { return folder_bytes(folder_); }

void FolderBulkStore::append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) {
  bool ok = !capacity_ || used_bytes() + chunk.size() <= capacity_;
  if (ok) {
    const std::string dir = list_dir(list);
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir, ec)) (void)e, ++n;
    char name[32];
    std::snprintf(name, sizeof name, "%012zu", n);  // zero-padded: name order is append order
    std::ofstream out(fs::path(dir) / name, std::ios::binary);
    ok = bool(out.write(chunk.data(), std::streamsize(chunk.size())));
  }
  pending_.push_back([done = std::move(done), ok] {
    if (done) done(ok);
  });
}

void FolderBulkStore::read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(list_dir(list), ec)) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::string chunk;
  const bool found = index < names.size();
  if (found) {
    std::ifstream in(names[index], std::ios::binary);
    chunk.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  pending_.push_back([done = std::move(done), found, chunk = std::move(chunk)]() mutable {
    if (done) done(found, std::move(chunk));
  });
}

void FolderBulkStore::clear(std::string_view list) {
  std::error_code ec;
  fs::remove_all(list_dir(list), ec);
}

std::size_t FolderBulkStore::run_pending() {
  std::size_t ran = 0;
  while (!pending_.empty()) {
    std::vector<std::function<void()>> now;
    now.swap(pending_);
    for (auto& f : now) f();
    ran += now.size();
  }
  return ran;
}

}  // namespace platform

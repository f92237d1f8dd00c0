#include "platform/storage_folder.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "platform/folder_bytes.hpp"

namespace platform {

namespace fs = std::filesystem;

namespace {
// Keys are dotted ASCII ("digiready.draft.<hex>"); anything else is written %XX so every key is
// one plain file name on every system, and the name decodes back to the key.
std::string encode(std::string_view key) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    if (plain) out += char(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  if (out == "." || out == "..") out = "%2E" + out.substr(1);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && hex_value(name[i + 1]) >= 0 && hex_value(name[i + 2]) >= 0) {
      out += char(hex_value(name[i + 1]) * 16 + hex_value(name[i + 2]));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}
}  // namespace

FolderStorage::FolderStorage(std::string folder, std::size_t capacity_bytes)
    : folder_(std::move(folder)), capacity_(capacity_bytes) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
}

std::string FolderStorage::path_of(std::string_view key) const { return (fs::path(folder_) / encode(key)).string(); }

std::string FolderStorage::get(std::string_view key) const {
  std::ifstream in(path_of(key), std::ios::binary);
  return in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
}

std::size_t FolderStorage::used_bytes() const { return folder_bytes(folder_); }

bool FolderStorage::set(std::string_view key, std::string_view value) {
  const std::string path = path_of(key);
  if (capacity_) {
    std::error_code ec;
    const auto old = fs::exists(path, ec) ? std::size_t(fs::file_size(path, ec)) : 0;
    if (used_bytes() - old + value.size() > capacity_) return false;
  }
  // Written next to the target and renamed over it: a failed write leaves the old value whole.
  const std::string tmp = path + ".tmp~";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out.write(value.data(), std::streamsize(value.size()))) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

void FolderStorage::remove(std::string_view key) {
  std::error_code ec;
  fs::remove(path_of(key), ec);
}

std::vector<std::string> FolderStorage::keys(std::string_view prefix) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder_, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".tmp~") == 0) continue;
    std::string key = decode(name);
    if (key.compare(0, prefix.size(), prefix) == 0) out.push_back(std::move(key));
  }
  return out;
}

}  // namespace platform

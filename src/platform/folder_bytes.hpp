// Bytes of every file under a folder (the native stores' stand-in for the browser's quota).
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <system_error>

namespace platform {

inline std::size_t folder_bytes(const std::string& folder) {
  std::size_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(folder, ec))
    if (e.is_regular_file(ec)) total += std::size_t(e.file_size(ec));
  return total;
}

}  // namespace platform

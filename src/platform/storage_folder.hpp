// The key -> text store as files in a folder: the native stand-in for the browser's localStorage
// (native tools and the app layer's tests). One file per key; a byte budget plays the browser's
// quota, so "storage full" can be tested.
#pragma once
#include <cstddef>
#include <string>

#include "app/storage.hpp"

namespace platform {

class FolderStorage : public app::KeyValueStore {
 public:
  // The folder is created if missing. `capacity_bytes` bounds the total of all values (0 = no bound).
  explicit FolderStorage(std::string folder, std::size_t capacity_bytes = 0);

  std::string get(std::string_view key) const override;
  bool set(std::string_view key, std::string_view value) override;
  void remove(std::string_view key) override;
  std::vector<std::string> keys(std::string_view prefix) const override;

  void set_capacity(std::size_t bytes) { capacity_ = bytes; }
  std::size_t used_bytes() const;

 private:
  std::string path_of(std::string_view key) const;
  std::string folder_;
  std::size_t capacity_;
};

}  // namespace platform

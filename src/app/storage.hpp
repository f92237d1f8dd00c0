// Where the app keeps its records: a small key -> text store. The browser backs it with
// localStorage (src/platform/storage_web.cpp); native builds and tests with files in a folder
// (src/platform/storage_folder.cpp). The app layer sees only this interface, so its rules are
// tested natively against real files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace app {

class KeyValueStore {
 public:
  virtual ~KeyValueStore() = default;
  // "" when the key is absent.
  virtual std::string get(std::string_view key) const = 0;
  // false: refused (storage full or disabled); the old value, if any, is unchanged.
  virtual bool set(std::string_view key, std::string_view value) = 0;
  virtual void remove(std::string_view key) = 0;
  // Every key starting with `prefix`, in no particular order.
  virtual std::vector<std::string> keys(std::string_view prefix) const = 0;
};

}  // namespace app

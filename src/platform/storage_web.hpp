// The key -> text store in the browser: localStorage, through the platform seam.
#pragma once
#include "app/storage.hpp"

namespace platform {

class LocalStorage : public app::KeyValueStore {
 public:
  std::string get(std::string_view key) const override;
  bool set(std::string_view key, std::string_view value) override;
  void remove(std::string_view key) override;
  std::vector<std::string> keys(std::string_view prefix) const override;
};

}  // namespace platform

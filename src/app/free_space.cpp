#include "app/free_space.hpp"

namespace app {

void FreeSpace::need(std::function<bool()> retry, std::string saving) {
  retry_ = std::move(retry);
  saving_ = std::move(saving);
}

bool FreeSpace::remove(const std::string& key) {
  if (key == saving_) return false;  // never the record that waits to be saved
  store_.remove(key);
  return retry();
}

bool FreeSpace::retry() {
  if (!retry_ || !retry_()) return false;
  give_up();
  return true;
}

void FreeSpace::give_up() {
  retry_ = nullptr;
  saving_.clear();
}

}  // namespace app

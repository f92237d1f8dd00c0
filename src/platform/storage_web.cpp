#include "platform/storage_web.hpp"

#include "platform/platform.hpp"

namespace platform {

std::string LocalStorage::get(std::string_view key) const { return storage_get(key); }
bool LocalStorage::set(std::string_view key, std::string_view value) { return storage_set(key, value); }
void LocalStorage::remove(std::string_view key) { storage_remove(key); }
std::vector<std::string> LocalStorage::keys(std::string_view prefix) const { return storage_keys(prefix); }

}  // namespace platform

#include "platform/bulk_web.hpp"

#include "platform/platform.hpp"

namespace platform {

void IndexedDbStore::append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) {
  bulk_append(list, chunk, std::move(done));
}
void IndexedDbStore::read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) {
  bulk_read(list, index, std::move(done));
}
void IndexedDbStore::clear(std::string_view list) { bulk_clear(list); }

}  // namespace platform

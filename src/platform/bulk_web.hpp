// Bulk storage in the browser: IndexedDB, through the platform seam.
#pragma once
#include "app/bulk_store.hpp"

namespace platform {

class IndexedDbStore : public app::BulkStore {
 public:
  void append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) override;
  void read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) override;
  void clear(std::string_view list) override;
};

}  // namespace platform

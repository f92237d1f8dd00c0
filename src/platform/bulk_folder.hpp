// Bulk storage as files in a folder (native stand-in for IndexedDB): each list a sub-folder, each
// chunk a numbered file. Like the browser, it answers later: callbacks wait for run_pending()
// (the native "between frames"), so code that assumes an immediate answer fails its tests.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/bulk_store.hpp"

namespace platform {

class FolderBulkStore : public app::BulkStore {
 public:
  // `capacity_bytes` bounds the total stored (0 = no bound): appends past it report false.
  explicit FolderBulkStore(std::string folder, std::size_t capacity_bytes = 0);

  void append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) override;
  void read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) override;
  void clear(std::string_view list) override;

  // Runs the answers waiting so far (and any they cause); returns how many ran.
  std::size_t run_pending();
  std::size_t pending() const { return pending_.size(); }

 private:
  std::string list_dir(std::string_view list) const;
  std::size_t used_bytes() const;
  std::string folder_;
  std::size_t capacity_;
  std::vector<std::function<void()>> pending_;
};

}  // namespace platform

// Lists of text chunks too big for the key -> text store (the organiser's imported results). The
// browser backs it with IndexedDB (src/platform/bulk_web.cpp), asynchronously: callbacks run later,
// between frames. Native builds and tests use files in a folder (src/platform/bulk_folder.cpp).
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

class BulkStore {
 public:
  virtual ~BulkStore() = default;
  // `done(false)`: refused (storage full, or no bulk storage here).
  virtual void append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) = 0;
  // The chunk at `index` (0 = first appended) of the list, alone: a big list never comes into
  // memory whole. `found` false past the last one (or when the list is missing).
  virtual void read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) = 0;
  virtual void clear(std::string_view list) = 0;
};

}  // namespace app

// Lists of text chunks too big for the key -> text store (the organiser's imported results). The
// browser backs it with IndexedDB (src/platform/bulk_web.cpp), asynchronously: callbacks run later,
// between frames. Native builds and tests use files in a folder (src/platform/bulk_folder.cpp).
#pragma once
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
  // Every chunk of the list, in the order appended (none when missing).
  virtual void read(std::string_view list, std::function<void(std::vector<std::string> chunks)> done) = 0;
  virtual void clear(std::string_view list) = 0;
};

}  // namespace app

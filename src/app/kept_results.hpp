// The organiser's verified results, kept for the next visit: NDJSON chunks in bulk storage,
// streamed out while a batch is read so neither 10,000 results nor their copies pile up in memory.
// Earlier versions kept them in the key -> text store under one key; read once and moved.
#pragma once
#include <cstddef>
#include <functional>
#include <set>
#include <string>

#include "app/bulk_store.hpp"
#include "app/storage.hpp"

namespace app {

class KeptResults {
 public:
  static constexpr const char* kList = "organiser.kept";
  static constexpr const char* kOldKey = "digiready.organiser.kept";

  KeptResults(BulkStore& bulk, KeyValueStore& small, std::size_t chunk_bytes = std::size_t(2) << 20)
      : bulk_(bulk), small_(small), chunk_bytes_(chunk_bytes) {}

  // Called when the last chunk on its way has been answered (then failed() says how it went).
  std::function<void()> on_settled;

  // Reads what earlier visits kept: `chunk` gets each NDJSON chunk (and the old single key's text,
  // moved to bulk storage), then `done`. Only once: later calls do nothing.
  void load(std::function<void(const std::string& chunk)> chunk, std::function<void()> done);
  bool loading() const { return loading_; }
  bool loaded() const { return loaded_; }

  // A newly verified result, as the text it came in. `stored`: it came from bulk storage or is
  // kept on this device already, so it is only remembered, not stored again. Once per id.
  void keep(const std::string& id, const std::string& text, bool stored);
  // Sends what waits to bulk storage.
  void flush();
  std::size_t on_the_way() const { return keeping_; }
  std::size_t waiting_bytes() const { return pending_.size(); }

  void new_batch() { failed_ = false; }
  bool failed() const { return failed_; }  // a chunk of this batch was refused (storage full)
  // Forgets every kept result, in memory and in storage.
  void clear();

 private:
  BulkStore& bulk_;
  KeyValueStore& small_;
  std::size_t chunk_bytes_;
  std::set<std::string> ids_;
  std::string pending_;
  std::size_t keeping_ = 0;
  bool failed_ = false, loading_ = false, loaded_ = false;
};

}  // namespace app

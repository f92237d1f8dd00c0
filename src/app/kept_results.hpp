// The organiser's verified results, kept for the next visit: NDJSON chunks in bulk storage,
// streamed out while a batch is read so neither 10,000 results nor their copies pile up in memory,
// and read back one chunk at a time (the next only once the last one was used). The keep has a cap;
// its size is noted in the small store, so home can offer to clear it without opening it.
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
  static constexpr const char* kBytesKey = "digiready.organiser.kept.bytes";
  // About 10,000 household results: what the organiser's screens are measured with
  // (docs/performance.md), well inside a phone's 256 MB heap once parsed.
  static constexpr std::size_t kCapBytes = std::size_t(32) << 20;

  KeptResults(BulkStore& bulk, KeyValueStore& small, std::size_t chunk_bytes = std::size_t(2) << 20,
              std::size_t cap_bytes = kCapBytes);

  // Called when the last chunk on its way has been answered (then failed() says how it went).
  std::function<void()> on_settled;

  // Reads what earlier visits kept: `chunk` gets the first NDJSON chunk; each next() asks for the
  // next one; then the old single key's text (moved to bulk storage), then `done`. Only once.
  void load(std::function<void(const std::string& chunk)> chunk, std::function<void()> done);
  // The last chunk was used (its records queued and read): read the next one.
  void next();
  bool loading() const { return loading_; }
  bool loaded() const { return loaded_; }

  // A newly verified result, as the text it came in. `stored`: it came from bulk storage or is
  // kept on this device already, so it is only remembered, not stored again. Once per id. Past the
  // cap it is not kept (capped() says so).
  void keep(const std::string& id, const std::string& text, bool stored);
  // Sends what waits to bulk storage.
  void flush();
  std::size_t on_the_way() const { return keeping_; }
  std::size_t waiting_bytes() const { return pending_.size(); }

  void new_batch() { failed_ = capped_ = false; }
  bool failed() const { return failed_; }  // a chunk of this batch was refused (storage full)
  bool capped() const { return capped_; }  // a result of this batch was not kept: the cap was reached
  // Bytes kept in bulk storage, as noted (0: nothing kept).
  std::size_t stored_bytes() const;
  std::size_t cap_bytes() const { return cap_; }
  void set_cap(std::size_t bytes) { cap_ = bytes; }
  // Forgets every kept result, in memory and in storage (without reading them).
  void clear();

 private:
  void read_next();
  void note_bytes(std::size_t bytes);
  void finish_load();

  BulkStore& bulk_;
  KeyValueStore& small_;
  std::size_t chunk_bytes_, cap_;
  std::size_t bytes_ = 0;  // stored, plus on the way
  std::set<std::string> ids_;
  std::string pending_;
  std::size_t keeping_ = 0;
  // Loading: the chunk to read next, and whether the last one waits to be used.
  std::size_t index_ = 0, read_bytes_ = 0;
  bool waiting_use_ = false;
  std::function<void(const std::string&)> chunk_;
  std::function<void()> done_;
  bool failed_ = false, capped_ = false, loading_ = false, loaded_ = false;
};

}  // namespace app

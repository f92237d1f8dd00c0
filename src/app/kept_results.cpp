#include "app/kept_results.hpp"

#include <cstdlib>
#include <utility>

namespace app {

KeptResults::KeptResults(BulkStore& bulk, KeyValueStore& small, std::size_t chunk_bytes, std::size_t cap_bytes)
    : bulk_(bulk), small_(small), chunk_bytes_(chunk_bytes), cap_(cap_bytes) {
  bytes_ = stored_bytes();
}

std::size_t KeptResults::stored_bytes() const {
  return std::size_t(std::strtoull(small_.get(kBytesKey).c_str(), nullptr, 10));
}

void KeptResults::note_bytes(std::size_t bytes) {
  if (bytes == 0) small_.remove(kBytesKey);
  else small_.set(kBytesKey, std::to_string(bytes));
}

void KeptResults::load(std::function<void(const std::string& chunk)> chunk, std::function<void()> done) {
  if (loaded_) return;
  loaded_ = loading_ = true;
  chunk_ = std::move(chunk);
  done_ = std::move(done);
  read_next();
}

void KeptResults::read_next() {
  bulk_.read(kList, index_, [this](bool found, std::string c) {
    if (!found) return finish_load();
    ++index_;
    read_bytes_ += c.size();
    waiting_use_ = true;
    chunk_(c);  // one chunk in memory at a time: the next is read once this one was used
  });
}

void KeptResults::next() {
  if (!waiting_use_) return;
  waiting_use_ = false;
  read_next();
}

void KeptResults::finish_load() {
  loading_ = false;
  // What was read is what is kept (a keep from before sizes were noted gets its size now).
  if (read_bytes_ > stored_bytes()) {
    bytes_ += read_bytes_ - stored_bytes();
    note_bytes(read_bytes_);
  }
  const std::string old = small_.get(kOldKey);
  if (!old.empty()) {
    chunk_(old);
    bulk_.append(kList, old, [this, n = old.size()](bool ok) {
      if (!ok) return;
      small_.remove(kOldKey);
      note_bytes(stored_bytes() + n);
    });
    bytes_ += old.size();
  }
  chunk_ = nullptr;
  if (done_) std::exchange(done_, nullptr)();
}

void KeptResults::keep(const std::string& id, const std::string& text, bool stored) {
  if (stored) {
    ids_.insert(id);
    return;
  }
  if (ids_.count(id)) return;
  if (bytes_ + pending_.size() + text.size() + 1 > cap_) {
    capped_ = true;  // still shown and counted in this visit; not kept for the next
    return;
  }
  ids_.insert(id);
  // One line of NDJSON: line breaks in valid JSON are whitespace, so they become spaces.
  const std::size_t at = pending_.size();
  pending_ += text;
  for (std::size_t i = at; i < pending_.size(); ++i)
    if (pending_[i] == '\n' || pending_[i] == '\r') pending_[i] = ' ';
  pending_ += '\n';
  if (pending_.size() >= chunk_bytes_) flush();
}

void KeptResults::flush() {
  if (pending_.empty()) return;
  ++keeping_;
  const std::size_t n = pending_.size();
  bytes_ += n;
  bulk_.append(kList, pending_, [this, n](bool ok) {
    if (ok) note_bytes(stored_bytes() + n);
    else bytes_ -= n;
    failed_ = failed_ || !ok;
    if (--keeping_ == 0 && on_settled) on_settled();
  });
  std::string().swap(pending_);  // the chunk was copied out: its memory is free again
}

void KeptResults::clear() {
  ids_.clear();
  std::string().swap(pending_);
  bulk_.clear(kList);
  small_.remove(kOldKey);
  note_bytes(0);
  bytes_ = 0;
}

}  // namespace app

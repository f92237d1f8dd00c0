#include "app/kept_results.hpp"

namespace app {

void KeptResults::load(std::function<void(const std::string& chunk)> chunk, std::function<void()> done) {
  if (loaded_) return;
  loaded_ = loading_ = true;
  bulk_.read(kList, [this, chunk = std::move(chunk), done = std::move(done)](std::vector<std::string> chunks) {
    loading_ = false;
    for (const std::string& c : chunks) chunk(c);
    const std::string old = small_.get(kOldKey);
    if (!old.empty()) {
      chunk(old);
      bulk_.append(kList, old, [this](bool ok) {
        if (ok) small_.remove(kOldKey);
      });
    }
    if (done) done();
  });
}

void KeptResults::keep(const std::string& id, const std::string& text, bool stored) {
  if (!ids_.insert(id).second || stored) return;
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
  bulk_.append(kList, pending_, [this](bool ok) {
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
}

}  // namespace app

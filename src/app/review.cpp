#include "app/review.hpp"

#include "core/compact.hpp"

namespace app {

Review::Review(const dr::SurveyCatalog& catalog, BulkStore& bulk, KeyValueStore& small, std::function<double()> clock)
    : kept(bulk, small), catalog_(catalog), clock_(std::move(clock)) {
  kept.on_settled = [this] {
    if (!batch_open_) say_kept();
    else if (!working()) finish_batch();  // the last file was read before this chunk was answered
    changed();
  };
}

void Review::set_source_names(std::string kept_file, std::string device_file) {
  kept_name_ = std::move(kept_file);
  device_name_ = std::move(device_file);
}

void Review::begin_import(int count) {
  if (!busy()) {  // a new batch, not more files for the one on its way
    queue.reset_progress();
    batch_start_ms_ = clock_();
    kept.new_batch();
  }
  queue.expect(std::size_t(std::max(0, count)));
  receiving_ = batch_open_ = true;
  notice_ = Notice::None;
}

void Review::add_file(const std::string& name, const std::string& text) { queue.add(name, text); }

void Review::add_unread(const std::string& name, std::size_t bytes, bool no_memory) {
  queue.add_too_big(name, bytes, no_memory);
}

void Review::end_import() { receiving_ = false; }

bool Review::pump(const RecordStore& device) {
  if (!importer_) importer_ = std::make_unique<dr::Importer>(catalog_);
  kept.load(
      [this](const std::string& chunk) {
        queue.add(kept_name_, chunk);
        changed();  // answered between frames: draw (and pump) again
      },
      [this] { changed(); });
  if (queue.empty()) kept.next();  // the last chunk read back is used up: the next one
  // Results finished on this device (the organiser's own phone) join the review.
  for (const RecordStore::Entry& e : device.results())
    if (fed_device_.insert(e.result.id).second) queue.push(device_name_, dr::result_to_json(e.result));
  if (queue.empty()) {
    if (batch_open_ && !receiving_) finish_batch();
    else if (!batch_open_) kept.flush();
    return false;
  }
  const double t0 = clock_();
  while (!queue.empty() && clock_() - t0 < kSliceMs) read_one(queue.pop());
  if (queue.empty()) table.dirty = true;
  if (batch_open_ && !working()) finish_batch();
  return true;
}

void Review::read_one(ImportQueue::File f) {
  if (f.too_big) {  // its bytes never came in: counted as failed, said with the limit it passed
    importer_->add_too_big(f.name, f.too_big, f.no_memory ? 0 : ImportQueue::limit(f.name));
    return;
  }
  // A scanned QR code (or a .txt of them, one per line) becomes the record its file would hold,
  // and from there on is read exactly like that file.
  if (dr::is_compact_text(f.text)) {
    for (dr::AnyRecord& rec : dr::read_any_record(f.text, f.name, catalog_)) {
      if (!rec.error.empty()) importer_->add_failure(rec.name, rec.error);
      else read_one({std::move(rec.name), std::move(rec.json)});
    }
    return;
  }
  const std::size_t n = importer_->results().size();
  importer_->add(f.text, f.name);
  if (importer_->results().size() == n) return;
  table.add(importer_->results().back(), importer_->results().size() - 1, importer_->reports().size() - 1);
  // Read back from bulk storage, or finished on this device (kept there): nothing to store again.
  const bool stored = (!kept_name_.empty() && f.name.rfind(kept_name_, 0) == 0) || f.name == device_name_;
  kept.keep(importer_->results().back().id, f.text, stored);
}

void Review::finish_batch() {
  batch_open_ = false;
  last_import_ms_ = clock_() - batch_start_ms_;
  table.dirty = true;
  kept.flush();
  if (!kept.on_the_way() && !table.all().empty()) say_kept();  // nothing left on its way
}

void Review::say_kept() {
  notice_ = kept.failed() ? Notice::NotKeptFull : kept.capped() ? Notice::NotKeptCap : Notice::Kept;
}

void Review::refresh(double every_ms) {
  if (!table.dirty || !importer_) return;
  if (busy() && clock_() - built_ms_ <= every_ms) return;
  built_ms_ = clock_();
  table.rebuild(importer_->results(), catalog_);
}

void Review::clear() {
  importer_.reset();
  queue.clear();
  table.clear();
  indicators.clear();
  notice_ = Notice::None;  // fed_device_ stays: results on this device come back only when new
  kept.clear();
}

}  // namespace app

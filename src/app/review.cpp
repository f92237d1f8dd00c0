#include "app/review.hpp"

#include <map>

#include "core/compact.hpp"
#include "core/sha256.hpp"

namespace app {

Review::Review(const dr::SurveyCatalog& catalog, BulkStore& bulk, KeyValueStore& small, std::function<double()> clock)
    : kept(bulk, small), rounds(small), small_(small), catalog_(catalog), clock_(std::move(clock)) {
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
    batches.begin();
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
  while (!queue.empty() && clock_() - t0 < kSliceMs) read_file(queue.pop());
  if (queue.empty()) table.dirty = true;
  if (batch_open_ && !working()) finish_batch();
  return true;
}

// One file as queued: read, and counted into the open batch unless it came from this device.
void Review::read_file(ImportQueue::File f) {
  const std::size_t before = importer_->reports().size();
  const bool batch_file = !from_storage(f.name);
  read_one(std::move(f));
  if (batch_file)
    for (std::size_t i = before; i < importer_->reports().size(); ++i) batches.count(importer_->reports()[i], i);
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
  const dr::FileReport& rep = importer_->add(f.text, f.name);
  // Read back from bulk storage, or finished on this device (kept there): nothing to store again.
  const bool stored = from_storage(f.name);
  if (importer_->results().size() == n) return copy_read(rep, f.text, stored);
  table.add(importer_->results().back(), importer_->results().size() - 1, importer_->reports().size() - 1);
  kept.keep(importer_->results().back().id, f.text, stored);
}

// Another copy of a result already read. A differing one is kept too (the choice between them
// must survive the next visit); read back from storage, the choice made then applies again.
void Review::copy_read(const dr::FileReport& rep, const std::string& text, bool stored) {
  if (!rep.conflict) return;
  const auto& list = importer_->conflict_list();
  for (std::size_t c = 0; c < list.size(); ++c) {
    if (list[c].reports.back() != importer_->reports().size() - 1) continue;
    kept.keep(list[c].id + "#" + std::to_string(list[c].copies.size() - 1), text, stored);
    if (stored) apply_kept_choice(c);
    return;
  }
}

namespace {
std::string copy_hash(const dr::Result& r) { return dr::sha256_hex(dr::result_to_json(r)); }

// The kept choices: result id -> hash of the chosen copy. Split by hand: iostreams would add
// their weight to the first download.
std::map<std::string, std::string> read_choices(const std::string& text) {
  std::map<std::string, std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::size_t tab = text.find('\t', start);
    if (tab < end) out[text.substr(start, tab - start)] = text.substr(tab + 1, end - tab - 1);
    start = end + 1;
  }
  return out;
}
}  // namespace

void Review::apply_kept_choice(std::size_t c) {
  const dr::Conflict& k = importer_->conflict_list()[c];
  const auto choices = read_choices(small_.get(kChoices));
  const auto it = choices.find(k.id);
  if (it == choices.end()) return;
  for (std::size_t i = 0; i < k.copies.size(); ++i)
    if (copy_hash(k.copies[i]) == it->second) {
      importer_->choose(c, i);
      show_choice(c);
      return;
    }
}

void Review::choose(std::size_t c, std::size_t copy) {
  if (!importer_ || c >= importer_->conflict_list().size()) return;
  importer_->choose(c, copy);
  show_choice(c);
  const dr::Conflict& k = importer_->conflict_list()[c];
  auto choices = read_choices(small_.get(kChoices));
  choices[k.id] = copy_hash(k.copies[copy]);
  std::string text;
  for (const auto& [id, hash] : choices) text += id + '\t' + hash + '\n';
  small_.set(kChoices, text);  // refused (storage full): the choice holds until the page closes
  changed();
}

// The chosen copy in the table and the indicators (worked out again).
void Review::show_choice(std::size_t c) {
  const dr::Conflict& k = importer_->conflict_list()[c];
  const std::size_t at = importer_->index_of(k.id);
  table.replace(importer_->results()[at], at, k.reports[std::size_t(k.chosen)]);
  indicators.clear();
  villages.clear();
}

void Review::finish_batch() {
  batch_open_ = false;
  batches.end();
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
  table.update(importer_->results(), catalog_, importer_->edits());
}

void Review::clear() {
  importer_.reset();
  queue.clear();
  table.clear();
  batches.clear();
  small_.remove(kChoices);
  indicators.clear();
  villages.clear();
  notice_ = Notice::None;  // fed_device_ stays: results on this device come back only when new
  kept.clear();
}

}  // namespace app

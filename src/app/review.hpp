// The organiser's review: files handed over by the browser are queued and read a time slice at a
// time (never inside drawing), verified by the core's importer, kept for the next visit, and shown
// as a table with sums. Owned by the app; the organiser's screen draws it and calls it.
#pragma once
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/bulk_store.hpp"
#include "app/import_batches.hpp"
#include "app/import_queue.hpp"
#include "app/indicator_view.hpp"
#include "app/kept_results.hpp"
#include "app/record_store.hpp"
#include "app/result_table.hpp"
#include "app/rounds.hpp"
#include "app/storage.hpp"
#include "app/village_table.hpp"
#include "core/digiready.hpp"

namespace app {

class Review {
 public:
  // `clock`: milliseconds from a fixed point (time slices, import time).
  Review(const dr::SurveyCatalog& catalog, BulkStore& bulk, KeyValueStore& small, std::function<double()> clock);

  // Something changed between frames (a read or a save answered): draw again.
  std::function<void()> on_change;
  // The names reports give to results read back from storage / finished on this device.
  void set_source_names(std::string kept_file, std::string device_file);

  // The browser's import: `count` files announced, each file, the end.
  void begin_import(int count);
  void add_file(const std::string& name, const std::string& text);
  // A file the browser did not read in: `bytes` over ImportQueue::limit(name), or `no_memory`.
  void add_unread(const std::string& name, std::size_t bytes, bool no_memory);
  void end_import();

  // Reads queued files for one time slice (and starts reading what earlier visits kept, and this
  // device's finished results, the first time). Call between frames while busy() or on screen.
  // Returns whether files were read (more may wait: draw, then pump again).
  bool pump(const RecordStore& device);
  // Rows again when they changed (while a batch is read, at most every `every_ms`).
  void refresh(double every_ms = 300);
  void clear();

  // A batch on its way (until finished and said how keeping went), or anything still to read or keep.
  bool busy() const { return batch_open_ || working(); }
  const dr::Importer* importer() const { return importer_.get(); }
  double last_import_ms() const { return last_import_ms_; }
  enum class Notice { None, Kept, NotKeptFull, NotKeptCap };
  Notice notice() const { return notice_; }

  // Which copy of a conflicting result counts (Importer::conflict_list() index, copy index): the
  // organiser's choice, kept for the next visit (both copies are kept, so it is asked again only
  // when yet another copy comes).
  void choose(std::size_t conflict, std::size_t copy);

  ImportQueue queue;
  ImportBatches batches;  // what each batch of picked or dropped files gave
  KeptResults kept;
  Rounds rounds;  // the named date ranges the organiser reports by (kept for the next visit)
  ResultTable table;
  IndicatorView indicators;  // the indicator tab (worked out when it is shown)
  VillageView villages;      // the village table (worked out when it is shown)

  static constexpr double kSliceMs = 100;

 private:
  bool working() const { return receiving_ || kept.loading() || kept.on_the_way() || !queue.empty(); }
  void read_file(ImportQueue::File f);
  void read_one(ImportQueue::File f);
  bool from_storage(const std::string& name) const {
    return (!kept_name_.empty() && name.rfind(kept_name_, 0) == 0) || name == device_name_;
  }
  void copy_read(const dr::FileReport& rep, const std::string& text, bool stored);
  void apply_kept_choice(std::size_t conflict);
  void show_choice(std::size_t conflict);
  void finish_batch();
  void say_kept();
  void changed() {
    if (on_change) on_change();
  }

  static constexpr const char* kChoices = "organiser.chosen";  // "id\tsha256 of the copy" lines
  KeyValueStore& small_;
  const dr::SurveyCatalog& catalog_;
  std::function<double()> clock_;
  std::unique_ptr<dr::Importer> importer_;
  std::string kept_name_, device_name_;
  std::set<std::string> fed_device_;  // this device's results already fed in (by id)
  bool receiving_ = false, batch_open_ = false;
  double batch_start_ms_ = 0, last_import_ms_ = 0, built_ms_ = 0;
  Notice notice_ = Notice::None;
};

}  // namespace app

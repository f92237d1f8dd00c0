// The organiser's imports one batch at a time: what each batch of picked or dropped files gave
// (received, kept, failed, duplicates, conflicts), so the latest batch can be read on its own
// beside the running totals. Files read back from storage or finished on this device are no batch.
#pragma once
#include <cstddef>
#include <vector>

#include "core/importer.hpp"

namespace app {

struct BatchCounts {
  std::size_t received = 0, kept = 0, failed = 0, duplicates = 0, conflicts = 0;
  std::vector<std::size_t> failures, copies;  // reports: the files not read; duplicates and conflicts
};

class ImportBatches {
 public:
  void begin() {
    open_ = true;
    batches_.emplace_back();
  }
  void end() { open_ = false; }
  bool open() const { return open_; }
  // A report the importer just added for a file of the open batch (nothing when none is open).
  void count(const dr::FileReport& rep, std::size_t report_index);
  const std::vector<BatchCounts>& all() const { return batches_; }  // oldest first
  // Every file read since the last clear(), batches or not: the importer's own counts (kept: the
  // results that count now, so not a conflict waiting for a choice).
  static BatchCounts totals(const dr::Importer& im);
  void clear() {
    batches_.clear();
    open_ = false;
  }

 private:
  std::vector<BatchCounts> batches_;
  bool open_ = false;
};

}  // namespace app

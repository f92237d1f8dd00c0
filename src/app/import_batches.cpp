#include "app/import_batches.hpp"

namespace app {

void ImportBatches::count(const dr::FileReport& rep, std::size_t report_index) {
  if (!open_ || batches_.empty()) return;
  BatchCounts& b = batches_.back();
  ++b.received;
  if (!rep.ok) {
    ++b.failed;
    b.failures.push_back(report_index);
  } else if (rep.duplicate) {
    ++(rep.conflict ? b.conflicts : b.duplicates);
    b.copies.push_back(report_index);
  } else {
    ++b.kept;
  }
}

BatchCounts ImportBatches::totals(const dr::Importer& im) {
  BatchCounts t;
  t.received = im.reports().size();
  t.kept = im.results().size() - im.undecided();  // a conflict nobody has chosen for is not counted
  t.failed = im.failed();
  t.conflicts = im.conflicts();
  t.duplicates = im.duplicates() - im.conflicts();  // the importer counts a conflict as a duplicate too
  return t;
}

}  // namespace app

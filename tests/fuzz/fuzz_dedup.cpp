// Importer over an NDJSON batch: every record is counted exactly once (kept, duplicate or failed),
// kept ids are unique, unsealed ones are counted apart, and the NDJSON export imports again to the
// same results with nothing failed or duplicated (export -> import is lossless and stable).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/importer.hpp"
#include "fuzz_shared.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dr::Importer im(drf::organiser_catalog());
  const std::size_t records = im.add_ndjson(text, "batch.ndjson");
  if (im.reports().size() != records) __builtin_trap();
  if (im.results().size() + im.failed() + im.duplicates() != records) __builtin_trap();
  if (im.conflicts() > im.duplicates() || im.consistent() + im.unsealed() != im.results().size()) __builtin_trap();
  std::set<std::string> ids;
  std::size_t unsealed = 0;
  for (auto& r : im.results()) {
    if (!ids.insert(r.id).second) __builtin_trap();
    unsealed += r.unsealed;
  }
  if (unsealed != im.unsealed()) __builtin_trap();
  std::size_t kept = 0;
  for (auto& rep : im.reports()) {
    if (rep.ok != rep.errors.empty() || (!rep.ok && (rep.duplicate || rep.unsealed))) __builtin_trap();
    kept += rep.ok && !rep.duplicate;
  }
  if (kept != im.results().size()) __builtin_trap();

  // A conflict nobody has chosen a copy for is written with every copy, so that importing the file
  // asks again (nothing decided by file order): those extra copies come back as conflicts.
  std::size_t extra = 0;
  for (const auto& k : im.conflict_list())
    if (k.chosen < 0) extra += k.copies.size() - 1;
  const std::string out = im.ndjson();
  dr::Importer again(drf::organiser_catalog());
  if (again.add_ndjson(out, "export.ndjson") != im.results().size() + extra) __builtin_trap();
  if (again.failed() || again.duplicates() != extra || again.conflicts() != extra) __builtin_trap();
  if (again.unsealed() != im.unsealed() || again.changed() || again.undecided() != im.undecided()) __builtin_trap();
  if (again.ndjson() != out) __builtin_trap();
  return 0;
}

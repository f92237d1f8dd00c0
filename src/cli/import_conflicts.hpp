// `digiready import` and conflicts: copies of one result id whose contents differ. Which copy counts
// is the person's choice (--keep FILE), never the input order, as in the browser (Importer::choose).
// The first pass over the inputs only finds the conflicting ids; a second pass holds every copy of
// them, takes the chosen one and says what differs, so the figures never depend on file order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/stream_import.hpp"

namespace drcli {

class ConflictCopies {
 public:
  // `ids`: the conflicting result ids; `keep`: the files whose copy counts (--keep, as the report
  // names them; FILE also chooses the lines FILE:N of an NDJSON file).
  ConflictCopies(std::set<std::string> ids, std::vector<std::string> keep);
  bool conflicting(const std::string& id) const { return ids_.count(id) != 0; }
  // A verified copy of a conflicting id, remembered (once per content): true when it is the chosen
  // copy (then it is taken like any record), false when it is held.
  bool take(const dr::VerifiedRecord& v);
  // Each copy of every conflict nobody chose, as NDJSON lines: the export keeps them, so importing
  // it asks again (as the page's export does).
  std::string undecided_ndjson() const;
  // Each conflict: the household, every file, the answers that differ, and which copy counts.
  // `lang` "" = the survey's first language. Printed to stdout.
  void print(const std::string& lang) const;
  std::size_t undecided() const;  // conflicts with no copy chosen: left out of every figure

 private:
  struct Content {
    std::vector<std::string> files;  // every file with this content
    std::uint64_t digest = 0;
    dr::Result result;
  };
  struct Held {
    std::vector<Content> copies;
    int chosen = -1;  // index into copies
  };
  bool kept(const std::string& file) const;
  std::set<std::string> ids_;
  std::vector<std::string> keep_;
  std::map<std::string, Held> held_;  // by result id
};

}  // namespace drcli

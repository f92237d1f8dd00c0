// `digiready import`: results from files, directories, NDJSON and stdin in one streaming pass.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/strings.hpp"

namespace drcli {

struct ImportOpts {
  std::string survey_dir = "assets/surveys", csv, ndjson, aggregates, training, lang;
  double below = 50;
  unsigned jobs = 0;  // verifying threads; 0 = one per core
  bool include_unsealed = false;  // records without a checksum count in the figures too
  std::vector<std::string> keep;  // --keep FILE: of a conflict, the copy in FILE counts
};

// Every survey in `dir` and its sub-folders (archive/ holds older versions).
dr::SurveyCatalog load_catalog(const std::string& dir);
// The app's locale files (embedded at build time), in `lang`: CSV headers, labels, answer messages.
dr::Strings cli_words(const std::string& lang);

struct RawRecord;
// A scanned QR code (a record or line starting "DR1:") becomes the record the file would give; JSON
// is left as it is; a code that does not decode sets r.error.
void decode_scanned(RawRecord& r, const dr::SurveyCatalog& cat);

// `inputs` not empty (main prints the usage otherwise).
int cmd_import(const std::vector<std::string>& inputs, const ImportOpts& o);

}  // namespace drcli

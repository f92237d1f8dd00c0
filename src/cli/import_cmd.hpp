// `digiready import`: results from files, directories, NDJSON and stdin in one streaming pass.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"

namespace drcli {

struct ImportOpts {
  std::string survey_dir = "assets/surveys", csv, ndjson, aggregates, training, lang;
  double below = 50;
  unsigned jobs = 0;  // verifying threads; 0 = one per core
  bool include_unsealed = false;  // records without a checksum count in the figures too
};

// Every survey in `dir` and its sub-folders (archive/ holds older versions).
dr::SurveyCatalog load_catalog(const std::string& dir);

// `inputs` not empty (main prints the usage otherwise).
int cmd_import(const std::vector<std::string>& inputs, const ImportOpts& o);

}  // namespace drcli

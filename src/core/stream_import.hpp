// Province-scale import (docs/scale.md): records pass through once. Each is verified (possibly on
// another thread), deduplicated by id and counted into compact per-survey state; nothing keeps
// whole records except a short chunk per survey, so memory grows with the number of distinct ids.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/importer.hpp"  // Aggregates, TrainingNeed, the CSV writers
#include "core/result.hpp"

namespace dr {

// One record after verification: thread-safe to make (reads the catalog only).
struct VerifiedRecord {
  std::string file;       // file name, or "file.ndjson:LINE"
  ReadResult read;        // read.ok: verified
  std::string canonical;  // the record as written to NDJSON (result_to_json), when made
  std::uint64_t digest = 0;  // read.ok: tells a copy from other content under the same id
};
// `canonical`: always make the NDJSON form; otherwise only when the digest needs it. A clean record
// (checksum right, scores as stored, current format) is identified by its stored checksum, which
// already hashes its whole content: that saves a second SHA-256 per record.
VerifiedRecord verify_record(std::string_view json, std::string file, const SurveyCatalog& catalog, bool canonical);
// A record that could not be read at all (missing file, over the size limit).
VerifiedRecord unreadable_record(std::string file, std::string error);

// Running figures of one survey: aggregates, training needs and CSV rows are made per chunk of
// results by the same functions the browser uses (aggregate, training_needs, results_csv), so the
// numbers cannot drift apart; only the chunk is held in memory.
class SurveyTally {
 public:
  // `words` in `lang`: the CSV headers and labels (a copy, so each survey keeps its language).
  SurveyTally(std::shared_ptr<const Survey> s, const Strings& words, const std::string& lang, double below, bool rows,
              bool include_unsealed = false);
  // `csv_rows` receives the CSV rows (no header) of a chunk when one is full and rows are wanted.
  void add(Result r, std::string& csv_rows);
  void flush(std::string& csv_rows);  // the last, partial chunk; call before reading the figures

  const Survey& survey() const { return *survey_; }
  const Strings& words() const { return words_; }
  Aggregates aggregates() const;  // the same figures aggregate() gives over every result
  // Per dimension, `people` by group as training_needs() gives them; `by_group` stays empty.
  const std::vector<TrainingNeed>& training() const { return training_; }
  std::string csv_header() const;  // BOM + header row, as results_csv starts (when rows are wanted)

 private:
  std::shared_ptr<const Survey> survey_;
  Strings words_;
  double below_;
  bool rows_;
  Filter filter_;
  std::string header_;
  std::vector<Result> chunk_;
  Aggregates sums_;  // counts summed; means held as sums until aggregates()
  double overall_sum_ = 0;
  std::size_t overall_n_ = 0;
  std::vector<double> dim_sum_;
  std::vector<TrainingNeed> training_;
};

struct StreamCounts {
  // verified: kept and consistent (checksum present and matching); unsealed: kept but without a
  // checksum, so nothing shows it is unchanged (left out of the figures unless included).
  std::size_t files = 0, verified = 0, unsealed = 0, failed = 0, duplicates = 0, conflicts = 0, changed = 0;
  // Copies of a conflicting result that nobody chose (StreamImporter::hold): read, counted nowhere.
  std::size_t held = 0;
};

// Takes verified records in input order: the first record of an id is kept, later copies are
// counted (and said out loud when their content differs). Which copy of a conflict counts is a
// person's choice, never the input order: the caller holds every copy of a conflicting id it
// knows of (hold) and takes only the chosen one, as Importer does for the browser.
class StreamImporter {
 public:
  // `lang` "" = each survey's first language; `words` must outlive the importer.
  StreamImporter(const SurveyCatalog& catalog, const Strings& words, std::string lang, double below, bool rows);
  // Records without a checksum count in the figures too (the person running the import chose to).
  void include_unsealed(bool on) { include_unsealed_ = on; }
  struct Taken {
    SurveyTally* tally = nullptr;  // kept: the survey it was counted for
    bool kept = false, duplicate = false, conflict = false, changed = false;
  };
  // Counts `rec`; a kept record goes into its survey's tally, whose full-chunk CSV rows (if any)
  // land in `csv_rows`. A duplicate with other content or a changed record gets a line in
  // rec.read.warnings.
  Taken take(VerifiedRecord& rec, std::string& csv_rows);
  // A copy of a conflicting result nobody chose: read (a file), held, in no figure.
  void hold() {
    ++counts_.files;
    ++counts_.held;
  }
  const StreamCounts& counts() const { return counts_; }
  // Surveys with at least one kept result, in catalog order.
  std::vector<SurveyTally*> tallies();

 private:
  bool include_unsealed_ = false;
  const SurveyCatalog* catalog_;
  const Strings* words_;
  std::string lang_;
  double below_;
  bool rows_;
  StreamCounts counts_;
  std::unordered_map<std::string, std::uint64_t> seen_;  // result id -> hash of its canonical record
  std::vector<std::unique_ptr<SurveyTally>> tallies_;    // parallel to catalog_->surveys()
};

}  // namespace dr

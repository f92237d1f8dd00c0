// Organiser side: import many result files incrementally, aggregate, export CSV / NDJSON.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/strings.hpp"

namespace dr {

struct FileReport {
  std::string file;
  bool ok = false;         // read and kept (or a duplicate of a kept one); see `unsealed`
  bool duplicate = false;  // same result id as an earlier file: kept once
  bool conflict = false;   // ...but with other content (both verified): held until someone chooses (Importer::choose)
  bool changed = false;    // checksum or stored scores differ: changed after export, or another survey version
  // ok, but without a checksum: not "consistent" (nothing shows it is unchanged since it was saved).
  // Counted apart and left out of aggregates, CSV and training lists unless Filter::include_unsealed.
  bool unsealed = false;
  bool too_big = false;  // over kMaxResultBytes: refused before a byte of it was parsed
  std::string survey_id;                    // when read: the result's survey
  std::string result_id;                    // when read: the result's id
  std::size_t same_as = std::size_t(-1);    // duplicate: the report of the file whose copy it equals (or rivals)
  ReadProblem problem = ReadProblem::None;  // why it failed, as a kind the UI can say in words
  std::vector<std::string> errors, warnings, score_differences;
  std::vector<ScoreDifference> differences;
};

// Copies of one result id whose contents differ (a household redone and sent again, or a file
// edited by hand and stamped again). Which one counts is a person's choice, never the file order:
// until then the result is held (Result::held) and counted nowhere.
struct Conflict {
  std::string id;
  std::vector<std::size_t> reports;  // the file of each copy, first read first
  std::vector<Result> copies;        // their contents, same order, each different from the others
  int chosen = -1;                   // index into copies; -1 = not chosen yet
};

// Feed one file at a time (the browser spreads thousands over frames); nothing is re-read.
class Importer {
 public:
  explicit Importer(const SurveyCatalog& catalog) : catalog_(&catalog) {}
  const FileReport& add(std::string_view json, std::string_view file_name);
  // For files that could not even be read (missing, unreadable): counted as failed.
  const FileReport& add_failure(std::string_view file_name, std::string error);
  // A file of `bytes` bytes over kMaxResultBytes, refused by its size alone (callers check the size
  // before reading the bytes in; add() does the same for text it is given). Counted as failed.
  // `limit`: the bound it passed (a batch file's is larger); 0: the device had no memory left for it.
  const FileReport& add_too_big(std::string_view file_name, std::size_t bytes, std::size_t limit = kMaxResultBytes);
  // An NDJSON batch (export, enumerator mode): each record is added as "<file> #<line>". Returns how
  // many records it held.
  std::size_t add_ndjson(std::string_view text, std::string_view file_name);

  // Every result read, unique ids; those with Result::unsealed are not consistent (see FileReport).
  const std::vector<Result>& results() const { return results_; }
  const std::vector<FileReport>& reports() const { return reports_; }
  std::size_t failed() const { return failed_; }
  std::size_t duplicates() const { return duplicates_; }
  std::size_t conflicts() const { return conflicts_; }  // duplicates whose content differs
  // Each id read in differing copies, in the order the second copy arrived.
  const std::vector<Conflict>& conflict_list() const { return conflict_list_; }
  std::size_t undecided() const;  // conflicts nobody has chosen a copy for yet
  // The organiser's choice: copy `copy` of conflict `c` is the result that counts (replacing the
  // one in results() at the same index). Returns that index.
  std::size_t choose(std::size_t c, std::size_t copy);
  // Where an id is in results() (npos when not read).
  std::size_t index_of(std::string_view id) const;
  // How many times a result already in results() changed in place (held by a conflict, a copy
  // chosen): a view built over results() that only adds new ones must start again when it moves.
  std::size_t edits() const { return edits_; }
  std::size_t changed() const { return changed_; }
  std::size_t unsealed() const { return unsealed_; }  // kept results without a checksum
  std::size_t consistent() const { return results_.size() - unsealed_; }  // checksum present and matching
  // One canonical JSON record per line, in import order (unsealed ones stay without a checksum; a
  // conflict not chosen yet writes each of its copies, so importing the file asks again).
  std::string ndjson() const;

 private:
  const SurveyCatalog* catalog_;
  std::vector<Result> results_;
  std::vector<FileReport> reports_;
  std::map<std::string, std::size_t, std::less<>> ids_;  // result id -> index in results_
  std::vector<std::size_t> first_report_;                // per result: the report of its first file
  std::map<std::string, std::size_t, std::less<>> conflict_of_;  // result id -> index in conflict_list_
  std::vector<Conflict> conflict_list_;
  void add_copy(FileReport& rep, Result&& r, std::size_t at);
  std::size_t failed_ = 0, duplicates_ = 0, changed_ = 0, conflicts_ = 0, unsealed_ = 0, edits_ = 0;
};

// Profile-field filters use the conventional profile ids "province", "commune", "village".
struct Filter {
  std::string survey_id;  // "" = any (aggregate() needs one survey; pass its id)
  std::string province, commune, village;
  std::string level;  // level id
  bool complete_only = false;
  bool include_unsealed = false;  // count results without a checksum too (the organiser chose to)
  // Completion dates, local, "YYYY-MM-DD", both ends included ("" = open): a result counts when its
  // completion time (else its last change) at utc_offset_minutes from UTC falls between them.
  std::string date_from, date_to;
  int utc_offset_minutes = 0;
  bool matches(const Result& r) const;
  bool in_dates(const Result& r) const;  // the dates alone (the indicators know no survey or level)
  bool dated() const { return !date_from.empty() || !date_to.empty(); }
};

// The local date "YYYY-MM-DD" of an ISO-8601 UTC time ("2026-11-28T20:12:45Z") at `offset_minutes`
// from UTC; "" when it cannot be read.
std::string local_date(std::string_view iso_utc, int offset_minutes);

struct DimensionAggregate {
  std::string id;
  std::size_t scored = 0;             // respondents with a score on this dimension
  std::optional<double> mean;         // mean %
  std::vector<std::size_t> by_level;  // respondents per level band of the dimension % (Survey::levels)
};

struct Aggregates {
  std::string survey_id;
  std::size_t count = 0;  // results that pass the filter
  std::size_t unsealed_left_out = 0;  // would pass, but have no checksum and were not included
  std::optional<double> mean_overall;
  std::vector<std::size_t> by_level;  // per Survey::levels index, from the overall %
  std::size_t no_level = 0;           // no overall score
  std::vector<DimensionAggregate> dimensions;
};

// Scores are recomputed from answers (never taken from the file).
Aggregates aggregate(const std::vector<Result>& results, const Survey& s, const Filter& f);

// aggregate() one result at a time: a table growing while files are read adds only the new ones
// and gets exactly the figures aggregate() gives over all of them (the same sums in the same order).
class AggregateSum {
 public:
  AggregateSum(const Survey& s, const Filter& f);
  void add(const Result& r);
  Aggregates result() const;

 private:
  const Survey* s_;
  Filter f_;
  Aggregates ag_;  // counts so far; means held as sums until result()
  double overall_sum_ = 0;
  std::size_t overall_n_ = 0;
  std::vector<double> dim_sum_;
};

// For each dimension: respondents below `below_percent`, grouped by the profile field `group_by`.
struct TrainingNeed {
  struct Person {
    std::string who;  // household code, else business name, else result id
    double percent;   // their score on the dimension
  };
  std::string dimension;
  std::map<std::string, std::vector<std::string>> by_group;  // group value ("" = not given) -> result ids
  std::map<std::string, std::vector<Person>> people;         // the same groups and order
};
std::vector<TrainingNeed> training_needs(const std::vector<Result>& results, const Survey& s, const Filter& f,
                                         double below_percent, std::string_view group_by = "village");
// Adds results[from..] to `needs`, which training_needs() made over results[..from) with the same
// arguments: the lists come out as training_needs() over all of them gives them.
void add_training_needs(std::vector<TrainingNeed>& needs, const std::vector<Result>& results, std::size_t from,
                        const Survey& s, const Filter& f, double below_percent, std::string_view group_by = "village");

// CSV, UTF-8 with BOM, CRLF rows, RFC 4180 quoting; headers and labels in the language of `words`
// (locale keys csv.*); a multiple question becomes one 1/0 column per option (blank when
// unanswered). One row per respondent of survey s matching f.
std::string results_csv(const std::vector<Result>& results, const Survey& s, const Filter& f, const Strings& words);
std::string aggregates_csv(const Aggregates& ag, const Survey& s, const Strings& words);
std::string training_needs_csv(const std::vector<TrainingNeed>& needs, const Survey& s, const Strings& words);
// An answer as the CSV shows it: the option's label in `lang`, a rating's label, else the number or text.
std::string answer_label(const Question& q, const Value& v, std::string_view lang);
// One CSV field, quoted when it holds a comma, quote, CR or LF. A cell starting with = + - @ tab or CR
// gets a leading apostrophe unless it is a plain number (see is_plain_number): a spreadsheet would
// run it as a formula.
std::string csv_field(std::string_view s);
// Optional sign, digits, optionally a point and digits, optionally an exponent: "-3", "+84912",
// "12.5", "-1.5e-7". Not "+0x1p3", "-inf", "-nan", "-.5", "1." (strtod takes those).
bool is_plain_number(std::string_view s);

}  // namespace dr

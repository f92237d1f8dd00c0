// Result records (docs/result-format.md): create, write with a checksum, read back and verify.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/scoring.hpp"
#include "core/survey.hpp"

namespace dr {

constexpr int kResultFormatVersion = 2;
constexpr std::size_t kMaxResultBytes = 256 * 1024;

enum class Status : unsigned char { Draft, Complete };

// Scores as written into a record (percentages rounded to 2 decimals).
struct StoredScores {
  std::vector<std::pair<std::string, std::optional<double>>> dimensions;  // survey order
  std::optional<double> overall;
  std::string level;  // level id, "" = none
};

struct Result {
  std::string id;  // 32 hex chars (128 random bits)
  std::string survey_id, survey_version, survey_sha256;
  std::string language;
  std::string started, updated, completed;  // ISO-8601 UTC; completed "" while a draft
  Status status = Status::Draft;
  Answers profile;  // profile fields
  Answers answers;  // section questions
  StoredScores scores;
  std::string app_version = DIGIREADY_VERSION;
  std::string checksum;  // filled by read_result (as stored); result_to_json computes its own
  // Read from a record without a checksum: nothing shows it is unchanged since it was saved (the
  // answers may have been edited and the checksum deleted). It is never "consistent", it is left out
  // of aggregates unless asked for (Filter::include_unsealed), and it is written back unsealed.
  bool unsealed = false;
  // Importer: one of two or more differing copies of this id that nobody has chosen between yet.
  // Counted nowhere (Filter::matches) until the organiser picks the copy that counts.
  bool held = false;
  std::shared_ptr<const Survey> survey;  // set by read_result when the survey is found
};

std::string now_iso8601();
std::string random_result_id();

Result new_result(const Survey& s, std::string lang, std::string now_iso);
// Profile and section answers merged, as the engine functions want them.
Answers all_answers(const Result& r);
// Stores `a` (split into profile/answers, hidden questions dropped), recomputes scores, sets updated.
void update_result(Result& r, const Survey& s, const Answers& a, std::string now_iso);
// update_result + status complete + completed time.
void complete_result(Result& r, const Survey& s, const Answers& a, std::string now_iso);
StoredScores stored_scores(const Survey& s, const Scores& sc);

// Current format, checksum stamped (none when r.unsealed: writing must not seal what nobody checked), compact and keys sorted (= the canonical form + checksum).
std::string result_to_json(const Result& r);
// Format version 1 (kept so migration stays tested).
std::string result_to_json_v1(const Result& r);

// Loaded surveys, findable by id and version.
class SurveyCatalog {
 public:
  void add(std::shared_ptr<const Survey> s);
  const std::vector<std::shared_ptr<const Survey>>& surveys() const { return surveys_; }
  std::shared_ptr<const Survey> find(std::string_view id, std::string_view version) const;
  struct Match {
    std::shared_ptr<const Survey> survey;  // null -> error says why
    std::string error, warning;
  };
  // Exact id+version, else same id with the same sha256; else "unknown survey" / "another survey version".
  Match resolve(std::string_view id, std::string_view version, std::string_view sha256) const;

 private:
  std::vector<std::shared_ptr<const Survey>> surveys_;
};

// Why a file could not be read, as a kind the UI can say in the reader's language (the `errors`
// lines give the technical detail).
enum class ReadProblem {
  None,
  Damaged,        // not JSON, cut short, too big or too deep
  NotAResult,     // JSON, but not a DigiReady result
  NewerApp,       // a format_version this app does not know yet: update the app
  Changed,        // the checksum does not match: edited or damaged after export
  UnknownSurvey,  // the survey (or that version of it) is not on this device
  Invalid,        // a result of a known survey, but its content does not fit it
};
// "damaged", "not_result", "newer_app", "changed", "unknown_survey", "invalid" ("" for None).
const char* to_key(ReadProblem p);

// One stored score that is not what the answers give.
struct ScoreDifference {
  enum class Kind { Dimension, Overall, Level } kind = Kind::Overall;
  std::string dimension;                       // Kind::Dimension: its id
  bool in_survey = true;                       // false: a stored dimension the survey does not have
  std::optional<double> stored, recomputed;    // Dimension and Overall (absent = not stored / none)
  std::string stored_level, recomputed_level;  // Level ("" = none)
};

struct ReadResult {
  bool ok = false;
  ReadProblem problem = ReadProblem::None;  // set when !ok
  Result result;
  std::vector<std::string> errors, warnings;  // each starts with the file name
  bool checksum_ok = false;  // a checksum is there and matches: consistent since it was saved
  std::vector<std::string> score_differences;  // stored vs recomputed, one line each (technical)
  std::vector<ScoreDifference> differences;    // the same, as data
  bool migrated = false;                       // was an older format_version
};

// Never trusts stored scores: recomputes them from the answers and reports each difference.
// ok = parsed, survey known, answers valid. checksum_ok / result.unsealed / score_differences are
// separate verdicts. A leading UTF-8 byte-order mark is skipped (a file re-saved by an editor).
ReadResult read_result(std::string_view json, std::string_view file_name, const SurveyCatalog& catalog);

}  // namespace dr

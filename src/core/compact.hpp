// The compact form of a result record (docs/result-format.md "Compact form"): a small versioned
// binary encoding for a QR code or a copy-paste, from which the receiving device rebuilds the very
// record the file would give (same id, same checksum, scores recomputed). It leaves out everything the
// receiver can take from its own copy of the survey: ids of questions and options, scores, the
// survey's sha256 (a 4-byte prefix checks it is the same survey).
//
// Use: encode_compact + compact_text on the sending side; on the receiving side read_any_record (a
// file or scanned text -> record JSON for Importer::add) or decode_compact_text.
// The decoder takes any bytes: it either rebuilds a record whose checksum matches or refuses with a
// reason. It never throws, and allocates at most a few times the input size.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dr {

constexpr int kCompactVersion = 1;
// Text form: prefix + base45 of the bytes; all in the QR alphanumeric set.
constexpr std::string_view kCompactPrefix = "DR1:";
// A version-40 QR code holds at most 2953 bytes; nothing longer can have come from one.
constexpr std::size_t kMaxCompactBytes = 2953;

struct CompactEncoding {
  std::string bytes;  // binary form
  std::string error;  // why the record cannot be sent this way ("" = ok)
  bool ok() const { return error.empty(); }
};
// `s` must be the survey the record was made with (id, version and sha256). Refuses a record that
// does not fit it, whose stored scores are not the recomputed ones, or that would not fit a QR code.
CompactEncoding encode_compact(const Result& r, const Survey& s);
// kCompactPrefix + base45(bytes).
std::string compact_text(std::string_view bytes);

struct CompactDecoding {
  bool ok = false;
  ReadProblem problem = ReadProblem::None;  // set when !ok
  std::string error;                        // technical reason, when !ok
  Result result;                            // rebuilt: survey set, scores recomputed, checksum filled
  std::string json;                         // result_to_json(result): the record as its file would hold it
};
CompactDecoding decode_compact(std::string_view bytes, const SurveyCatalog& catalog);
// Accepts the text with spaces or line breaks around it (as scanner apps copy it).
CompactDecoding decode_compact_text(std::string_view text, const SurveyCatalog& catalog);
// True when `text` (after leading white space and a UTF-8 BOM) starts with kCompactPrefix.
bool is_compact_text(std::string_view text);

// One record found in a file, ready for Importer::add(json, name) — or why it could not be read.
struct AnyRecord {
  std::string name;  // the file name; "<file>:<line>" for a line of compact text
  std::string json;  // record text (empty when error is set)
  std::string error;
  ReadProblem problem = ReadProblem::None;
};
// A file holding compact text gives one record per non-empty line; any other file is taken as one
// JSON record, unchanged (read_result judges it).
std::vector<AnyRecord> read_any_record(std::string_view bytes, std::string_view file_name,
                                       const SurveyCatalog& catalog);

}  // namespace dr

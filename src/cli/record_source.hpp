// Where `digiready import` reads records from: result files, directories (recursively), NDJSON
// files (.ndjson / .jsonl, one record per line) and "-" (standard input, one record per line).
// One record at a time, so a province's 100,000 records never sit in memory together.
#pragma once
#include <cstddef>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

namespace drcli {

struct RawRecord {
  std::string name;    // file, or "file.ndjson:LINE" / "stdin:LINE"
  std::string text;    // the record's bytes (when error is empty)
  std::string error;   // could not be read: missing, over the size limit, ...
  bool unread = false;  // a result file not read yet: load() reads it (on a worker thread)
};
// Reads an unread result file's bytes (at most the record limit + 1) into text, or says why not.
void load(RawRecord& r);

// Splits a stream into lines of at most `limit` bytes without ever holding a longer one: an
// over-long line is skipped to its end and reported as one failed record.
class NdjsonReader {
 public:
  NdjsonReader(std::FILE* f, bool owned, std::string name, std::size_t limit);
  ~NdjsonReader();
  NdjsonReader(const NdjsonReader&) = delete;
  NdjsonReader& operator=(const NdjsonReader&) = delete;
  bool next(RawRecord& out);  // false at the end of the stream

 private:
  bool fill();  // reads more; false at end of stream or on error
  bool emit(std::size_t begin, std::size_t end, RawRecord& out);  // false for a blank line

  std::FILE* f_;
  bool owned_;
  std::string name_;
  std::size_t limit_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
  bool eof_ = false, failed_ = false;
};

class RecordSource {
 public:
  // `standard_input`: what "-" reads (a copy of stdin when the inputs are read twice).
  explicit RecordSource(const std::vector<std::string>& inputs, std::FILE* standard_input = stdin);
  ~RecordSource();
  bool next(RawRecord& out);  // false when every input is read

 private:
  void expand_directory(const std::string& dir, RawRecord& problem);
  std::deque<std::string> queue_;
  NdjsonReader* lines_ = nullptr;  // the NDJSON input being read
  std::FILE* stdin_;
};

}  // namespace drcli

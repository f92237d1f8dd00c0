// Files waiting to be read by the organiser's import, and how far the batch on its way has got.
#pragma once
#include <cstddef>
#include <deque>
#include <string>

namespace app {

class ImportQueue {
 public:
  struct File {
    std::string name, text;
    std::size_t too_big = 0;  // not read: this many bytes, over limit(name)...
    bool no_memory = false;   // ...or more than the memory left
  };

  // A file holding many records (.ndjson / .jsonl, or .txt of scanned codes, any case) may be this
  // big; any other holds one result (dr::kMaxResultBytes). The browser checks a file's size against
  // limit() before its bytes come into the app's memory (a 256 MB heap on a phone).
  static constexpr std::size_t kMaxBatchBytes = std::size_t(32) << 20;
  static bool is_batch(const std::string& name);
  static std::size_t limit(const std::string& name);

  void reset_progress() { total_ = done_ = 0; }
  // The browser announced `count` more files.
  void expect(std::size_t count) { total_ += count; }
  // A file as it arrived. A batch file (.ndjson / .jsonl, any case) holds one record per line:
  // each non-empty line is queued as "<name> #<line>", and the file counts as that many.
  void add(const std::string& name, const std::string& text);
  // One record queued as it is (not announced: the progress grows to include it).
  void push(std::string name, std::string text);
  // A file announced but not read: over its limit (or no memory was left for it); counts as one.
  void add_too_big(std::string name, std::size_t bytes, bool no_memory = false) {
    files_.push_back({std::move(name), {}, bytes, no_memory});
  }

  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }
  File pop();  // the oldest; counts it as done
  std::size_t total() const { return total_; }
  std::size_t done() const { return done_; }
  void clear();

 private:
  std::deque<File> files_;
  std::size_t total_ = 0, done_ = 0;
};

}  // namespace app

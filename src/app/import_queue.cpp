#include "app/import_queue.hpp"

#include <algorithm>
#include <cctype>

#include "core/result.hpp"

namespace app {

namespace {
bool ends_with_ci(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - std::ptrdiff_t(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(b)) == a; });
}

// Records one per line: an NDJSON file, or a .txt holding them. Phones share results as .txt
// (Chrome will not share .json or .ndjson files: web/shell.js), so a .txt whose first line is a
// whole JSON object and that has more lines is a batch; one result on one line, a pretty-printed
// result (first line "{") and scanned codes (DR1:, read by the review) stay one file.
bool one_record_per_line(const std::string& name, const std::string& text) {
  if (ends_with_ci(name, ".ndjson") || ends_with_ci(name, ".jsonl")) return true;
  if (!ends_with_ci(name, ".txt")) return false;
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || text[start] != '{') return false;
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos || text.find_first_not_of(" \t\r\n", end) == std::string::npos) return false;
  const std::size_t last = text.find_last_not_of(" \t\r", end - 1);
  return last != std::string::npos && last > start && text[last] == '}';
}
}  // namespace

bool ImportQueue::is_batch(const std::string& name) {
  return ends_with_ci(name, ".ndjson") || ends_with_ci(name, ".jsonl") || ends_with_ci(name, ".txt");
}

std::size_t ImportQueue::limit(const std::string& name) { return is_batch(name) ? kMaxBatchBytes : dr::kMaxResultBytes; }

void ImportQueue::add(const std::string& name, const std::string& text) {
  if (text.size() > limit(name)) return add_too_big(name, text.size());  // however it got here
  if (!one_record_per_line(name, text)) {
    files_.push_back({name, text});
    return;
  }
  std::size_t start = 0, line = 0, added = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    ++line;
    std::string rec = text.substr(start, nl - start);
    if (!rec.empty() && rec.back() == '\r') rec.pop_back();
    if (!rec.empty()) {
      files_.push_back({name + " #" + std::to_string(line), std::move(rec)});
      ++added;
    }
    start = nl + 1;
  }
  // The batch was announced as one file; it is as many records as it has lines.
  total_ += added;
  if (total_ > 0) --total_;
}

void ImportQueue::push(std::string name, std::string text) {
  files_.push_back({std::move(name), std::move(text)});
  total_ = std::max(total_, done_ + files_.size());
}

ImportQueue::File ImportQueue::pop() {
  File f = std::move(files_.front());
  files_.pop_front();
  ++done_;
  total_ = std::max(total_, done_ + files_.size());
  return f;
}

void ImportQueue::clear() {
  files_.clear();
  reset_progress();
}

}  // namespace app

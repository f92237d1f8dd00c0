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
}  // namespace

bool ImportQueue::is_batch(const std::string& name) {
  return ends_with_ci(name, ".ndjson") || ends_with_ci(name, ".jsonl") || ends_with_ci(name, ".txt");
}

std::size_t ImportQueue::limit(const std::string& name) { return is_batch(name) ? kMaxBatchBytes : dr::kMaxResultBytes; }

void ImportQueue::add(const std::string& name, const std::string& text) {
  if (text.size() > limit(name)) return add_too_big(name, text.size());  // however it got here
  if (!ends_with_ci(name, ".ndjson") && !ends_with_ci(name, ".jsonl")) {
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

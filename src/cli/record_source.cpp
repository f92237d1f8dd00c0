#include "cli/record_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "cli/cli_io.hpp"
#include "core/result.hpp"

namespace fs = std::filesystem;

namespace drcli {

namespace {
constexpr std::size_t kReadBlock = 1 << 20;

bool is_ndjson(const fs::path& p) { return p.extension() == ".ndjson" || p.extension() == ".jsonl"; }
// Scanned QR codes as a phone's scanner app copies them: compact text, one record per line.
bool is_scanned_text(const fs::path& p) { return p.extension() == ".txt"; }
bool is_record_file(const fs::path& p) { return p.extension() == ".json" || is_ndjson(p); }
}  // namespace

NdjsonReader::NdjsonReader(std::FILE* f, bool owned, std::string name, std::size_t limit)
    : f_(f), owned_(owned), name_(std::move(name)), limit_(limit) {}

NdjsonReader::~NdjsonReader() {
  if (owned_ && f_) std::fclose(f_);
}

bool NdjsonReader::fill() {
  if (eof_) return false;
  buf_.erase(0, pos_);
  pos_ = 0;
  const std::size_t old = buf_.size();
  buf_.resize(old + kReadBlock);
  const std::size_t n = std::fread(&buf_[old], 1, kReadBlock, f_);
  buf_.resize(old + n);
  if (n == 0) {
    eof_ = true;
    failed_ = std::ferror(f_) != 0;
  }
  return n > 0;
}

bool NdjsonReader::emit(std::size_t begin, std::size_t end, RawRecord& out) {
  ++line_;
  if (line_ == 1 && buf_.compare(begin, 3, "\xEF\xBB\xBF") == 0) begin += 3;  // a BOM from a Windows editor
  if (end > begin && buf_[end - 1] == '\r') --end;
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (std::all_of(buf_.begin() + std::ptrdiff_t(begin), buf_.begin() + std::ptrdiff_t(end), blank)) return false;
  out.name = name_ + ":" + std::to_string(line_);
  out.error.clear();
  out.unread = false;
  out.text.assign(buf_, begin, end - begin);
  return true;
}

bool NdjsonReader::next(RawRecord& out) {
  for (;;) {
    const std::size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos && nl - pos_ <= limit_ + 1) {
      const std::size_t begin = pos_;
      pos_ = nl + 1;
      if (emit(begin, nl, out)) return true;
      continue;
    }
    if (buf_.size() - pos_ > limit_ + 1) {
      // Over the limit: skipped to its line break without holding it, reported as one record.
      std::size_t len;
      if (nl != std::string::npos) {
        len = nl - pos_;
        pos_ = nl + 1;
      } else {
        len = buf_.size() - pos_;
        buf_.clear();
        pos_ = 0;
        while (fill()) {
          const std::size_t cut = buf_.find('\n');
          if (cut != std::string::npos) {
            len += cut;
            pos_ = cut + 1;
            break;
          }
          len += buf_.size();
          buf_.clear();
        }
      }
      ++line_;
      out.name = name_ + ":" + std::to_string(line_);
      out.text.clear();
      out.unread = false;
      out.error = out.name + ": record is " + std::to_string(len) + " bytes, over the limit of " + std::to_string(limit_);
      return true;
    }
    if (!fill()) {
      if (failed_) {
        failed_ = false;
        out.name = name_;
        out.text.clear();
        out.unread = false;
        out.error = name_ + ": read error";
        pos_ = buf_.size();
        return true;
      }
      if (pos_ >= buf_.size()) return false;
      const std::size_t begin = pos_;
      pos_ = buf_.size();  // the last line has no line break
      if (emit(begin, buf_.size(), out)) return true;
    }
  }
}

void load(RawRecord& r) {
  if (!r.unread) return;
  r.unread = false;
  if (!read_file(r.name, dr::kMaxResultBytes, r.text, r.error)) r.text.clear();
}

RecordSource::RecordSource(const std::vector<std::string>& inputs, std::FILE* standard_input)
    : queue_(inputs.begin(), inputs.end()), stdin_(standard_input) {}

RecordSource::~RecordSource() { delete lines_; }

void RecordSource::expand_directory(const std::string& dir, RawRecord& problem) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && is_record_file(it->path())) files.push_back(it->path().string());
  if (ec) problem.error = dir + ": " + ec.message();
  // Sorted: the same directory gives the same order (and the same kept copy of a duplicate) anywhere.
  std::sort(files.begin(), files.end());
  queue_.insert(queue_.begin(), files.begin(), files.end());
}

bool RecordSource::next(RawRecord& out) {
  for (;;) {
    if (lines_) {
      if (lines_->next(out)) return true;
      delete lines_;
      lines_ = nullptr;
    }
    if (queue_.empty()) return false;
    const std::string path = std::move(queue_.front());
    queue_.pop_front();
    out.name = path;
    out.text.clear();
    out.error.clear();
    out.unread = false;
    std::error_code ec;
    if (path == "-") {
      lines_ = new NdjsonReader(stdin_, false, "stdin", dr::kMaxResultBytes);
    } else if (fs::is_directory(path, ec)) {
      expand_directory(path, out);
      if (!out.error.empty()) return true;
    } else if (is_ndjson(path) || is_scanned_text(path)) {
      std::FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) {
        out.error = path + ": cannot open: " + std::strerror(errno);
        return true;
      }
      lines_ = new NdjsonReader(f, true, path, dr::kMaxResultBytes);
    } else {
      out.unread = true;  // read with its verification, in parallel
      return true;
    }
  }
}

}  // namespace drcli

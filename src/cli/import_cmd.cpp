#include "cli/import_cmd.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "cli/cli_io.hpp"
#include "cli/import_conflicts.hpp"
#include "cli/progress.hpp"
#include "cli/record_source.hpp"
#include "app/locales.hpp"
#include "core/compact.hpp"
#include "core/digiready.hpp"
#include "core/json.hpp"
#include "core/stream_import.hpp"

namespace fs = std::filesystem;
using namespace dr;

namespace drcli {

// A scanned QR code (compact text, docs/result-format.md) becomes the record the file would give;
// JSON is left as it is. One record per line: a line holding several codes is refused.
void decode_scanned(RawRecord& r, const SurveyCatalog& cat) {
  const std::size_t start = r.text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos || r.text.compare(start, 4, "DR1:") != 0) return;
  std::vector<AnyRecord> recs = read_any_record(r.text, r.name, cat);
  if (recs.size() != 1) r.error = r.name + ": several scanned codes in one record; put one per line";
  else if (!recs[0].error.empty()) r.error = recs[0].error;
  else r.text = std::move(recs[0].json);
}

// Every survey in `dir` and its sub-folders: archived versions (archive/) are needed to verify
// the results made with them. index.json is the web app's list of survey files, not a survey.
dr::Strings cli_words(const std::string& lang) {
  dr::Strings words;
  for (const std::string& problem : app::add_locales(words, app::embedded_locales()))
    std::fprintf(stderr, "warning: %s\n", problem.c_str());
  words.set_language(lang);
  return words;
}

dr::SurveyCatalog load_catalog(const std::string& dir) {
  dr::SurveyCatalog cat;
  const dr::DefaultLabels labels = app::survey_labels(cli_words(app::kFirstLanguage));
  std::error_code ec;
  std::vector<std::string> files;
  for (auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.path().extension() == ".json" && e.path().filename() != "index.json") files.push_back(e.path().string());
  if (ec) std::fprintf(stderr, "warning: %s: %s\n", dir.c_str(), ec.message().c_str());
  std::sort(files.begin(), files.end());
  for (auto& path : files) {
    std::string text, err;
    if (!read_file(path, dr::kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "warning: %s\n", err.c_str()); continue; }
    dr::LoadResult r = dr::load_survey(text, path, labels);
    if (!r.ok()) { print_all(r.errors, "warning: survey not loaded: "); continue; }
    cat.add(r.survey);
  }
  return cat;
}

namespace {

// Records verified together: enough to keep every thread busy, few enough to stay small.
constexpr std::size_t kBatch = 512;

// Verification is the costly part and independent per record: spread over threads, order kept.
std::vector<VerifiedRecord> verify_batch(std::vector<RawRecord>& batch, const SurveyCatalog& cat, unsigned jobs,
                                         bool canonical) {
  std::vector<VerifiedRecord> out(batch.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < batch.size();) {
      RawRecord& r = batch[i];
      load(r);
      if (r.error.empty()) decode_scanned(r, cat);
      out[i] = r.error.empty() ? verify_record(r.text, std::move(r.name), cat, canonical) : unreadable_record(std::move(r.name), std::move(r.error));
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < jobs && t < batch.size(); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  return out;
}

bool has_news(const VerifiedRecord& v, const StreamImporter::Taken& t) {
  return !v.read.warnings.empty() || !v.read.ok || (t.kept && !v.read.score_differences.empty());
}

void print_report(const VerifiedRecord& v, const StreamImporter::Taken& t) {
  print_all(v.read.warnings, "warning: ");
  if (t.kept)
    for (auto& d : v.read.score_differences) std::fprintf(stderr, "changed: %s: %s\n", v.file.c_str(), d.c_str());
  if (!v.read.ok) {
    std::fprintf(stderr, "failed: %s\n", v.file.c_str());
    print_all(v.read.errors, "  ");
  }
}

std::string with_suffix(const std::string& path, const std::string& suffix) {
  fs::path p(path);
  return (p.parent_path() / (p.stem().string() + "-" + suffix + p.extension().string())).string();
}

// Files written while records stream in. Per-survey CSVs start under a temporary name: whether
// they get the survey id appended is known only at the end (several surveys -> one file each).
class Outputs {
 public:
  // The export, too, is written under a temporary name: it may replace one of the inputs.
  explicit Outputs(const ImportOpts& o) : o_(o) {
    if (!o.ndjson.empty()) ndjson_ = open(o.ndjson + ".part");
  }
  ~Outputs() {
    if (ndjson_) std::fclose(ndjson_);
    for (auto& [tally, f] : csv_) std::fclose(f.file);
  }
  void records(const std::string& lines) {
    if (ndjson_) ok_ &= std::fwrite(lines.data(), 1, lines.size(), ndjson_) == lines.size();
  }
  void record(const std::string& canonical) {
    if (!ndjson_) return;
    ok_ &= std::fwrite(canonical.data(), 1, canonical.size(), ndjson_) == canonical.size();
    ok_ &= std::fputc('\n', ndjson_) != EOF;
  }
  void rows(const SurveyTally& t, const std::string& text) {
    if (o_.csv.empty()) return;
    auto it = csv_.find(&t);
    if (it == csv_.end()) {
      Part p{o_.csv + ".part-" + t.survey().id + "-" + t.survey().version, nullptr};
      p.file = open(p.path);
      if (!p.file) return;
      it = csv_.emplace(&t, p).first;
      put(it->second.file, t.csv_header());
    }
    put(it->second.file, text);
  }
  // Closes and removes what was written so far (the inputs are read again).
  void discard() {
    if (ndjson_) std::fclose(ndjson_);
    ndjson_ = nullptr;
    std::error_code ec;
    if (!o_.ndjson.empty()) fs::remove(o_.ndjson + ".part", ec);
    for (auto& [tally, f] : csv_) {
      std::fclose(f.file);
      fs::remove(f.path, ec);
    }
    csv_.clear();
  }
  // Closes the streams and writes the per-survey summaries; false if anything failed.
  bool finish(const std::vector<SurveyTally*>& tallies) {
    const bool several = tallies.size() > 1;
    auto name = [&](const std::string& p, const Survey& s) { return several ? with_suffix(p, s.id) : p; };
    if (ndjson_) {
      ok_ &= std::fclose(ndjson_) == 0;
      ndjson_ = nullptr;
      ok_ &= move_into_place(o_.ndjson + ".part", o_.ndjson);
    }
    for (SurveyTally* t : tallies) {
      const Survey& s = t->survey();
      if (!o_.aggregates.empty()) ok_ &= write_file(name(o_.aggregates, s), aggregates_csv(t->aggregates(), s, t->words()));
      if (!o_.training.empty()) ok_ &= write_file(name(o_.training, s), training_needs_csv(t->training(), s, t->words()));
      auto it = csv_.find(t);
      if (it == csv_.end()) continue;
      ok_ &= std::fclose(it->second.file) == 0;
      ok_ &= move_into_place(it->second.path, name(o_.csv, s));
      csv_.erase(it);
    }
    if (!ok_) std::fprintf(stderr, "error: an output file could not be written completely\n");
    return ok_;
  }

 private:
  struct Part {
    std::string path;
    std::FILE* file;
  };
  std::FILE* open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::fprintf(stderr, "%s: cannot write: %s\n", path.c_str(), std::strerror(errno));
    ok_ &= f != nullptr;
    return f;
  }
  static bool move_into_place(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) std::fprintf(stderr, "%s: cannot write: %s\n", to.c_str(), ec.message().c_str());
    return !ec;
  }
  void put(std::FILE* f, const std::string& text) { ok_ &= std::fwrite(text.data(), 1, text.size(), f) == text.size(); }

  const ImportOpts& o_;
  bool ok_ = true;
  std::FILE* ndjson_ = nullptr;
  std::map<const SurveyTally*, Part> csv_;
};

std::string percent_text(const std::optional<double>& p) {
  return p ? json::number_text(std::round(*p * 100) / 100) : "-";
}

void print_survey(const SurveyTally& t) {
  const Survey& s = t.survey();
  const Aggregates ag = t.aggregates();
  std::printf("\nsurvey %s %s: %zu respondents, mean overall %s %%\n", s.id.c_str(), s.version.c_str(), ag.count,
              percent_text(ag.mean_overall).c_str());
  for (size_t i = 0; i < s.levels.size(); ++i) std::printf("  level %-12s %zu\n", s.levels[i].id.c_str(), ag.by_level[i]);
  if (ag.no_level) std::printf("  no score       %zu\n", ag.no_level);
  for (auto& d : ag.dimensions)
    std::printf("  dimension %-14s mean %s %% (%zu scored)\n", d.id.c_str(), percent_text(d.mean).c_str(), d.scored);
}

// What one pass over the inputs meets besides the figures: the conflicting ids (first pass), or the
// copies of those ids, held until one is chosen (second pass).
struct PassConflicts {
  std::set<std::string> found;
  ConflictCopies* copies = nullptr;  // second pass
};

// Counts verified records in input order, writes what they add, says what went wrong.
void count_batch(std::vector<VerifiedRecord>& done, StreamImporter& im, Outputs& out, Progress& progress,
                 PassConflicts& conflicts) {
  std::string rows;
  for (VerifiedRecord& v : done) {
    rows.clear();
    if (conflicts.copies && v.read.ok && conflicts.copies->conflicting(v.read.result.id) && !conflicts.copies->take(v)) {
      im.hold();
      continue;
    }
    const StreamImporter::Taken t = im.take(v, rows);
    if (t.conflict) {
      conflicts.found.insert(v.read.result.id);
      v.read.warnings.pop_back();  // the conflict is reported whole after the second pass
    }
    if (t.kept) out.record(v.canonical);
    if (!rows.empty()) out.rows(*t.tally, rows);
    if (!conflicts.copies && has_news(v, t)) {  // the second pass has said it all already
      progress.clear();
      print_report(v, t);
    }
  }
}

// One streaming pass: every input read, verified on `jobs` threads and counted into `im` and `out`.
void run_pass(const std::vector<std::string>& inputs, std::FILE* standard_input, const SurveyCatalog& cat,
              unsigned jobs, bool canonical, StreamImporter& im, Outputs& out, Progress& progress,
              PassConflicts& conflicts) {
  RecordSource source(inputs, standard_input);
  // Pipelined: while one batch is verified on the worker threads, this thread reads the next and
  // counts and writes the one before, in input order.
  auto read_batch = [&] {
    std::vector<RawRecord> batch;
    for (RawRecord r; batch.size() < kBatch && source.next(r);) batch.push_back(std::move(r));
    return batch;
  };
  auto start = [&](std::vector<RawRecord> batch) {
    return std::async(
        std::launch::async, [&cat, jobs, canonical](std::vector<RawRecord> b) { return verify_batch(b, cat, jobs, canonical); },
        std::move(batch));
  };
  auto pending = start(read_batch());
  for (;;) {
    std::vector<RawRecord> next = read_batch();
    const bool last = next.empty();
    std::vector<VerifiedRecord> done = pending.get();
    if (!last) pending = start(std::move(next));
    count_batch(done, im, out, progress, conflicts);
    progress.update(im.counts().files);
    if (last) break;
  }
  progress.clear();
  std::string rows;
  for (SurveyTally* t : im.tallies()) {
    rows.clear();
    t->flush(rows);
    if (!rows.empty()) out.rows(*t, rows);
  }
}

// Standard input is read twice when a conflict is found: a copy in a temporary file (removed at exit).
std::FILE* copy_of_stdin() {
  std::FILE* f = std::tmpfile();
  if (!f) return nullptr;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, stdin)) > 0;)
    if (std::fwrite(buf, 1, n, f) != n) {
      std::fclose(f);
      return nullptr;
    }
  std::rewind(f);
  return f;
}

void print_counts(const StreamCounts& c, const ImportOpts& o) {
  std::printf("files: %zu, verified: %zu, failed: %zu, duplicates: %zu, changed: %zu\n", c.files, c.verified, c.failed,
              c.duplicates, c.changed);
  if (c.unsealed)
    std::printf("not sealed: %zu (no checksum, so nothing shows they are unchanged since they were saved: %s)\n",
                c.unsealed, o.include_unsealed ? "counted, as asked" : "left out of the figures; --include-unsealed counts them");
}

}  // namespace

int cmd_import(const std::vector<std::string>& inputs, const ImportOpts& o) {
  const SurveyCatalog cat = load_catalog(o.survey_dir);
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const dr::Strings words = cli_words(o.lang);
  const bool from_stdin = std::find(inputs.begin(), inputs.end(), "-") != inputs.end();
  std::FILE* standard_input = from_stdin ? copy_of_stdin() : stdin;
  if (!standard_input) {
    std::fprintf(stderr, "error: standard input could not be copied to a temporary file\n");
    return 1;
  }
  Progress progress(words.get("cli.progress"));
  auto make_importer = [&] {
    auto im = std::make_unique<StreamImporter>(cat, words, o.lang, o.below, !o.csv.empty());
    im->include_unsealed(o.include_unsealed);
    return im;
  };
  auto im = make_importer();
  auto out = std::make_unique<Outputs>(o);
  PassConflicts first;
  run_pass(inputs, standard_input, cat, jobs, !o.ndjson.empty(), *im, *out, progress, first);
  // A conflict's first copy was counted as it came: everything again, with every copy held but the
  // chosen one (conflicts are rare; the figures must not depend on the order of the files).
  std::unique_ptr<ConflictCopies> copies;
  if (!first.found.empty()) {
    if (from_stdin) std::rewind(standard_input);
    out->discard();
    out.reset();
    copies = std::make_unique<ConflictCopies>(first.found, o.keep);
    im = make_importer();
    out = std::make_unique<Outputs>(o);
    PassConflicts second;
    second.copies = copies.get();
    run_pass(inputs, standard_input, cat, jobs, !o.ndjson.empty(), *im, *out, progress, second);
  }
  if (from_stdin) std::fclose(standard_input);
  if (copies) out->records(copies->undecided_ndjson());
  const StreamCounts& c = im->counts();
  print_counts(c, o);
  const std::size_t undecided = copies ? copies->undecided() : 0;
  if (copies) {
    std::printf("conflicts: %zu (same result in copies with other content), %zu left out until a copy is chosen\n",
                first.found.size(), undecided);
    copies->print(o.lang);
  }
  const auto tallies = im->tallies();
  for (SurveyTally* t : tallies) print_survey(*t);
  const bool write_ok = out->finish(tallies);
  if (c.failed || !write_ok) return 1;
  return undecided ? 3 : 0;
}

}  // namespace drcli

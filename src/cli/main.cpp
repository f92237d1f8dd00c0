// digiready: native command-line tool over the core (see docs/cli.md).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/compact.hpp"
#include "core/digiready.hpp"
#include "core/json.hpp"

namespace fs = std::filesystem;
using namespace dr;

namespace {

// Reads at most `limit` + 1 bytes, so a huge file is reported as too big without loading it.
bool read_file(const std::string& path, std::size_t limit, std::string& out, std::string& err) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) { err = path + ": cannot open: " + std::strerror(errno); return false; }
  out.clear();
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > limit) break;
  }
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) { err = path + ": read error"; return false; }
  return true;  // the size limit itself is checked (and reported) by the loaders
}

bool write_file(const std::string& path, const std::string& data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) { std::fprintf(stderr, "%s: cannot write: %s\n", path.c_str(), std::strerror(errno)); return false; }
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) std::fprintf(stderr, "%s: write failed\n", path.c_str());
  return ok;
}

void print_all(const std::vector<std::string>& lines, const char* prefix) {
  for (auto& l : lines) std::fprintf(stderr, "%s%s\n", prefix, l.c_str());
}

int usage() {
  std::fputs(
      "usage:\n"
      "  digiready validate SURVEY.json...\n"
      "  digiready score SURVEY.json ANSWERS.json [--lang LANG]\n"
      "  digiready import RESULT.json... [--survey-dir DIR] [--csv FILE] [--ndjson FILE]\n"
      "                   [--aggregates FILE] [--training FILE] [--below PERCENT] [--lang LANG]\n"
      "  digiready --version\n",
      stderr);
  return 2;
}

int cmd_validate(const std::vector<std::string>& files) {
  if (files.empty()) return usage();
  int bad = 0;
  for (auto& path : files) {
    std::string text, err;
    if (!read_file(path, kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); ++bad; continue; }
    LoadResult r = load_survey(text, path);
    print_all(r.warnings, "warning: ");
    if (!r.ok()) {
      print_all(r.errors, "error: ");
      ++bad;
      continue;
    }
    auto issues = lint_survey(*r.survey);
    print_all(issues, "error: ");
    if (!issues.empty()) { ++bad; continue; }
    std::printf("ok: %s (%s %s, %zu questions, sha256 %s)\n", path.c_str(), r.survey->id.c_str(),
                r.survey->version.c_str(), r.survey->questions.size(), r.survey->sha256.c_str());
  }
  if (bad) std::fprintf(stderr, "%d of %zu survey files have errors\n", bad, files.size());
  return bad ? 1 : 0;
}

int cmd_score(const std::vector<std::string>& args, const std::string& lang_opt) {
  if (args.size() != 2) return usage();
  std::string text, err;
  if (!read_file(args[0], kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); return 1; }
  LoadResult lr = load_survey(text, args[0]);
  print_all(lr.warnings, "warning: ");
  if (!lr.ok()) { print_all(lr.errors, "error: "); return 1; }
  const Survey& s = *lr.survey;

  if (!read_file(args[1], kMaxResultBytes, text, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); return 1; }
  rapidjson::Document doc;
  if (!json::parse(text, kMaxResultBytes, kMaxJsonDepth, args[1], doc, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); return 1; }
  if (!doc.IsObject()) { std::fprintf(stderr, "error: %s: must be an object {question id: answer}\n", args[1].c_str()); return 1; }
  Answers a;
  int bad = 0;
  for (auto& m : doc.GetObject()) {
    std::string id(json::sv(m.name));
    Value v;
    const Question* q = s.find(id);
    if (!q) { std::fprintf(stderr, "error: %s: %s: unknown question\n", args[1].c_str(), id.c_str()); ++bad; continue; }
    if (!json::from_json(m.value, v)) {
      std::fprintf(stderr, "error: %s: %s: an answer cannot be %s\n", args[1].c_str(), id.c_str(), json::type_name(m.value));
      ++bad;
      continue;
    }
    a[id] = std::move(v);
  }
  for (auto& q : s.questions)
    if (auto p = check_answer(s, q, a)) {
      // Shape errors would make the record unreadable; a missing required answer is only reported.
      bool fatal = p->kind == Problem::Format;
      std::fprintf(stderr, "%s: %s: %s: %s\n", fatal ? "error" : "warning", args[1].c_str(), q.id.c_str(),
                   p->message.get("en").c_str());
      bad += fatal;
    }
  if (bad) return 1;
  std::string lang = lang_opt.empty() ? s.languages.front() : lang_opt;
  std::string now = now_iso8601();
  Result r = new_result(s, lang, now);
  complete_result(r, s, a, now);
  std::printf("%s\n", result_to_json(r).c_str());
  return 0;
}

std::string with_suffix(const std::string& path, const std::string& suffix) {
  fs::path p(path);
  return (p.parent_path() / (p.stem().string() + "-" + suffix + p.extension().string())).string();
}

struct ImportOpts {
  std::string survey_dir = "assets/surveys", csv, ndjson, aggregates, training, lang;
  double below = 50;
};

int cmd_import(const std::vector<std::string>& files, const ImportOpts& o) {
  if (files.empty()) return usage();
  SurveyCatalog cat;
  std::error_code ec;
  std::vector<std::string> survey_files;
  for (auto& e : fs::directory_iterator(o.survey_dir, ec))
    // index.json is the web app's list of survey files (dist/surveys), not a survey.
    if (e.path().extension() == ".json" && e.path().filename() != "index.json")
      survey_files.push_back(e.path().string());
  if (ec) std::fprintf(stderr, "warning: %s: %s\n", o.survey_dir.c_str(), ec.message().c_str());
  std::sort(survey_files.begin(), survey_files.end());
  for (auto& path : survey_files) {
    std::string text, err;
    if (!read_file(path, kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "warning: %s\n", err.c_str()); continue; }
    LoadResult r = load_survey(text, path);
    if (!r.ok()) { print_all(r.errors, "warning: survey not loaded: "); continue; }
    cat.add(r.survey);
  }

  Importer im(cat);
  for (auto& path : files) {
    std::string text, err;
    if (!read_file(path, kMaxResultBytes, text, err)) im.add_failure(path, err);
    else  // a JSON record, or scanned compact text (one record per line)
      for (auto& rec : read_any_record(text, path, cat))
        rec.error.empty() ? (void)im.add(rec.json, rec.name) : (void)im.add_failure(rec.name, rec.error);
  }

  std::size_t ok = im.results().size();
  std::printf("files: %zu, verified: %zu, failed: %zu, duplicates: %zu, changed: %zu\n", im.reports().size(), ok,
              im.failed(), im.duplicates(), im.changed());
  for (auto& rep : im.reports()) {
    print_all(rep.warnings, "warning: ");
    for (auto& d : rep.score_differences) std::fprintf(stderr, "changed: %s: %s\n", rep.file.c_str(), d.c_str());
    if (!rep.ok) {
      std::fprintf(stderr, "failed: %s\n", rep.file.c_str());
      print_all(rep.errors, "  ");
    }
  }

  bool write_ok = true;
  int surveys_with_results = 0;
  for (auto& sp : cat.surveys())
    surveys_with_results += std::any_of(im.results().begin(), im.results().end(),
                                        [&](const Result& r) { return r.survey == sp; });
  for (auto& sp : cat.surveys()) {
    const Survey& s = *sp;
    Filter f;
    f.survey_id = s.id;
    Aggregates ag = aggregate(im.results(), s, f);
    if (ag.count == 0) continue;
    std::string lang = o.lang.empty() ? s.languages.front() : o.lang;
    std::printf("\nsurvey %s %s: %zu respondents, mean overall %s %%\n", s.id.c_str(), s.version.c_str(), ag.count,
                ag.mean_overall ? json::number_text(std::round(*ag.mean_overall * 100) / 100).c_str() : "-");
    for (size_t i = 0; i < s.levels.size(); ++i)
      std::printf("  level %-12s %zu\n", s.levels[i].id.c_str(), ag.by_level[i]);
    if (ag.no_level) std::printf("  no score       %zu\n", ag.no_level);
    for (auto& d : ag.dimensions)
      std::printf("  dimension %-14s mean %s %% (%zu scored)\n", d.id.c_str(),
                  d.mean ? json::number_text(std::round(*d.mean * 100) / 100).c_str() : "-", d.scored);
    // Several surveys in one import: one file per survey, named with its id.
    auto name = [&](const std::string& p) { return surveys_with_results > 1 ? with_suffix(p, s.id) : p; };
    if (!o.csv.empty()) write_ok &= write_file(name(o.csv), results_csv(im.results(), s, f, lang));
    if (!o.aggregates.empty()) write_ok &= write_file(name(o.aggregates), aggregates_csv(ag, s, lang));
    if (!o.training.empty())
      write_ok &= write_file(name(o.training), training_needs_csv(training_needs(im.results(), s, f, o.below), s, lang));
  }
  if (!o.ndjson.empty()) write_ok &= write_file(o.ndjson, im.ndjson());
  return im.failed() || !write_ok ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  if (args[0] == "--version") { std::printf("digiready %s\n", DIGIREADY_VERSION); return 0; }
  std::string cmd = args[0];
  std::vector<std::string> pos;
  ImportOpts o;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); return false; }
      into = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--survey-dir") ok = value(o.survey_dir);
    else if (a == "--csv") ok = value(o.csv);
    else if (a == "--ndjson") ok = value(o.ndjson);
    else if (a == "--aggregates") ok = value(o.aggregates);
    else if (a == "--training") ok = value(o.training);
    else if (a == "--lang") ok = value(o.lang);
    else if (a == "--below") {
      std::string v;
      ok = value(v);
      char* end = nullptr;
      o.below = std::strtod(v.c_str(), &end);
      if (ok && (!end || *end)) { std::fprintf(stderr, "--below needs a number\n"); ok = false; }
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      ok = false;
    } else {
      pos.push_back(a);
    }
    if (!ok) return usage();
  }
  if (cmd == "validate") return cmd_validate(pos);
  if (cmd == "score") return cmd_score(pos, o.lang);
  if (cmd == "import") return cmd_import(pos, o);
  return usage();
}

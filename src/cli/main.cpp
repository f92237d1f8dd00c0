// digiready: native command-line tool over the core (see docs/cli.md).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_io.hpp"
#include "cli/export_cmd.hpp"
#include "cli/import_cmd.hpp"
#include "cli/record_source.hpp"
#include "app/locales.hpp"
#include "core/digiready.hpp"
#include "core/indicators.hpp"
#include "core/json.hpp"

namespace fs = std::filesystem;
using namespace dr;

namespace {

using drcli::print_all;
using drcli::read_file;
using drcli::write_file;
using drcli::load_catalog;

int usage() {
  std::fputs(
      "usage:\n"
      "  digiready validate SURVEY.json... [--allow-warnings]\n"
      "  digiready score SURVEY.json ANSWERS.json [--lang LANG]\n"
      "  digiready import INPUT... [--survey-dir DIR] [--csv FILE] [--ndjson FILE]\n"
      "                   [--aggregates FILE] [--training FILE] [--below PERCENT] [--lang LANG]\n"
      "                   [--jobs N] [--include-unsealed] [--keep FILE]...\n"
      "    INPUT: a result file, a directory (read recursively), an NDJSON file (.ndjson, .jsonl)\n"
      "    or - (standard input), one record per line\n"
      "  digiready indicators INPUT... [--survey-dir DIR] [--csv FILE] [--lang LANG]\n"
      "                   [--province X]... [--commune X]... [--village X]... [--old-province X]...\n"
      "                   [--by province|commune|village|old_province] [--from DATE] [--to DATE]\n"
      "                   [--utc-offset +07:00]\n"
      "  digiready export INPUT... --xlsx FILE [--tab list|summary|training|indicators|villages] [--survey ID]\n"
      "                   [--province X] [--commune X] [--village X] [--level ID] [--from DATE] [--to DATE]\n"
      "                   [--lang LANG]\n"
      "                   [--utc-offset +07:00]   (one organiser tab as a spreadsheet, as the page exports it)\n"
      "  digiready --version\n",
      stderr);
  return 2;
}

// Warnings fail a format_version 2 file (unless allowed); on the archived version 1 surveys they are
// reported only, since their scoring is frozen (docs/survey-format.md "Warnings").
bool report_warnings(const Survey& s, bool allow) {
  auto warnings = survey_warnings(s);
  const bool archived = s.format_version < 2;
  print_all(warnings, archived ? "warning (format_version 1, not failing): " : "warning: ");
  return warnings.empty() || archived || allow;
}

int cmd_validate(const std::vector<std::string>& files, bool allow_warnings) {
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
    if (!report_warnings(*r.survey, allow_warnings)) { ++bad; continue; }
    std::printf("ok: %s (%s %s, %zu questions, sha256 %s)\n", path.c_str(), r.survey->id.c_str(),
                r.survey->version.c_str(), r.survey->questions.size(), r.survey->sha256.c_str());
  }
  if (bad) std::fprintf(stderr, "%d of %zu survey files have errors (or, in format_version 2, warnings)\n", bad, files.size());
  return bad ? 1 : 0;
}

int cmd_score(const std::vector<std::string>& args, const std::string& lang_opt) {
  if (args.size() != 2) return usage();
  std::string text, err;
  if (!read_file(args[0], kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); return 1; }
  // Problems with the answers are said in --lang (English by default, as the tool's other messages).
  const Strings words = drcli::cli_words(lang_opt.empty() ? "en" : lang_opt);
  LoadResult lr = load_survey(text, args[0], app::survey_labels(words));
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
                   (p->rule.empty() ? words.text(p->message) : p->rule.get(words.language())).c_str());
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


// digiready indicators: the province indicators of verified results, streamed record by record.
int cmd_indicators(const std::vector<std::string>& args) {
  std::string survey_dir = "assets/surveys", csv, lang = "vi", by, from, to, offset;
  PlaceFilter filter;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* into = a == "--survey-dir" ? &survey_dir : a == "--csv" ? &csv : a == "--lang" ? &lang
                        : a == "--by" ? &by : a == "--from" ? &from : a == "--to" ? &to : a == "--utc-offset" ? &offset
                        : nullptr;
    std::vector<std::string>* list = a == "--province" ? &filter.provinces : a == "--commune" ? &filter.communes
                                     : a == "--village" ? &filter.villages
                                     : a == "--old-province" ? &filter.old_provinces : nullptr;
    if ((into || list) && i + 1 >= args.size()) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); return usage(); }
    if (into) *into = args[++i];
    else if (list) list->push_back(args[++i]);
    else if (a.rfind("--", 0) == 0) { std::fprintf(stderr, "unknown option %s\n", a.c_str()); return usage(); }
    else files.push_back(a);
  }
  auto group = by.empty() ? std::optional<PlaceLevel>(PlaceLevel::None) : place_level_from(by);
  if (files.empty() || !group) return usage();
  // A reporting period as the page's dates take it: local completion days, both ends included.
  Filter dates;
  if (!drcli::parse_period(from, to, offset, dates)) {
    std::fprintf(stderr, "--from/--to take a date (2026-10-01), --utc-offset an offset (+07:00)\n");
    return usage();
  }
  SurveyCatalog cat = load_catalog(survey_dir);
  IndicatorTable table(filter, *group, lang);
  // The old provinces (before 1 July 2025) as the surveys of 2.1.0 on list them.
  ProvinceMerger merger;
  merger.learn(cat);
  table.set_merger(std::move(merger));
  const Strings words = drcli::cli_words(lang);
  // The same inputs as import (files, directories, NDJSON, "-", scanned codes), one record at a
  // time: the table keeps sums, never the records.
  std::size_t read = 0, failed = 0, changed = 0, outside = 0;
  drcli::RecordSource source(files);
  for (drcli::RawRecord r; source.next(r);) {
    ++read;
    drcli::load(r);
    if (r.error.empty()) drcli::decode_scanned(r, cat);
    if (!r.error.empty()) { std::fprintf(stderr, "failed: %s\n", r.error.c_str()); ++failed; continue; }
    ReadResult rr = read_result(r.text, r.name, cat);
    // Only records that verify count: a changed checksum or a record without one is not a figure to
    // report.
    if (!rr.ok || !rr.checksum_ok) {
      std::fprintf(stderr, "failed: %s\n", r.name.c_str());
      print_all(rr.errors, "  ");
      if (rr.ok && rr.result.unsealed) std::fprintf(stderr, "  not sealed: no checksum\n");
      else if (rr.ok && !rr.checksum_ok) std::fprintf(stderr, "  checksum does not match\n");
      ++failed;
      continue;
    }
    if (!dates.in_dates(rr.result)) {
      ++outside;
      continue;
    }
    // Stored scores that differ from the recomputed ones count as `import` and the organiser's page
    // count them (indicators read answers, not scores), and are said.
    if (!rr.score_differences.empty()) {
      std::fprintf(stderr, "changed: %s\n", r.name.c_str());
      print_all(rr.score_differences, "  ");
      ++changed;
    }
    table.add(rr.result, *rr.result.survey);
  }
  print_all(table.warnings(), "warning: ");
  auto rows = table.rows();
  std::printf("records: %zu read, %zu kept, %zu failed\n", read, table.records_kept(), failed);
  if (dates.dated()) {
    const int m = std::abs(dates.utc_offset_minutes);
    std::printf("dates: %s to %s, local days at UTC%c%02d:%02d: %zu records completed outside them left out\n",
                dates.date_from.empty() ? "any" : dates.date_from.c_str(), dates.date_to.empty() ? "any" : dates.date_to.c_str(),
                dates.utc_offset_minutes < 0 ? '-' : '+', m / 60, m % 60, outside);
  }
  if (changed)
    std::printf("changed: %zu records whose stored scores differ (counted; scores are recomputed)\n", changed);
  // Records made before the survey asked the old province, in a merged one: said, never guessed.
  if (!filter.old_provinces.empty() || *group == PlaceLevel::OldProvince)
    std::printf("old province unknown: %zu records (%s)\n", table.old_province_unknown(),
                filter.old_provinces.empty() ? "grouped apart" : "left out");
  for (auto& r : rows) {
    auto p = r.percent();
    std::printf("%s%s: %s of %s (%s %%, %zu records)%s\n", r.grouped ? (place_words(r, words) + " · ").c_str() : "", r.id.c_str(),
                json::number_text(r.n).c_str(), json::number_text(r.N).c_str(),
                p ? json::number_text(std::round(*p * 100) / 100).c_str() : "-", r.records,
                r.target ? (", target " + json::number_text(*r.target) + " %").c_str() : "");
  }
  bool ok = csv.empty() || write_file(csv, indicators_csv(rows, words));
  return failed || !ok ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  if (args[0] == "--version") { std::printf("digiready %s\n", DIGIREADY_VERSION); return 0; }
  std::string cmd = args[0];
  std::vector<std::string> pos;
  if (cmd == "indicators") return cmd_indicators(std::vector<std::string>(args.begin() + 1, args.end()));
  if (cmd == "export") return drcli::cmd_export(std::vector<std::string>(args.begin() + 1, args.end()));
  drcli::ImportOpts o;
  bool allow_warnings = false;
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
    else if (a == "--allow-warnings") allow_warnings = true;
    else if (a == "--include-unsealed") o.include_unsealed = true;
    else if (a == "--keep") {
      std::string file;
      ok = value(file);
      o.keep.push_back(file);
    }
    else if (a == "--jobs") {
      std::string v;
      ok = value(v);
      char* end = nullptr;
      o.jobs = unsigned(std::strtoul(v.c_str(), &end, 10));
      if (ok && (!end || *end || v.empty())) { std::fprintf(stderr, "--jobs needs a number\n"); ok = false; }
    } else if (a == "--below") {
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
  if (cmd == "validate") return cmd_validate(pos, allow_warnings);
  if (cmd == "score") return cmd_score(pos, o.lang);
  if (cmd == "import") return pos.empty() ? usage() : drcli::cmd_import(pos, o);
  return usage();
}

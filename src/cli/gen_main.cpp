// digiready-gen: writes COUNT valid, generated result records (docs/scale.md) as NDJSON or as one
// file per record, for scale tests, benchmarks and trying the organiser tools without real data.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_io.hpp"
#include "cli/generate.hpp"

namespace fs = std::filesystem;

namespace {

int usage() {
  std::fputs(
      "usage: digiready-gen COUNT [--seed N] [--survey SURVEY.json]... [--dir DIR | --ndjson FILE]\n"
      "  COUNT records of the given surveys in turn (default assets/surveys/household-digital-skills.json),\n"
      "  to DIR (one file per record, 1000 per sub-directory), to FILE, or to standard output (NDJSON).\n",
      stderr);
  return 2;
}

struct GenOpts {
  unsigned long count = 0, seed = 1;
  std::vector<std::string> surveys;
  std::string dir, ndjson;
};

bool parse(int argc, char** argv, GenOpts& o) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool have_count = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--seed" && has_value) o.seed = std::strtoul(args[++i].c_str(), nullptr, 10);
    else if (a == "--survey" && has_value) o.surveys.push_back(args[++i]);
    else if (a == "--dir" && has_value) o.dir = args[++i];
    else if (a == "--ndjson" && has_value) o.ndjson = args[++i];
    else if (!have_count && !a.empty() && a[0] != '-') {
      char* end = nullptr;
      o.count = std::strtoul(a.c_str(), &end, 10);
      if (*end) return false;
      have_count = true;
    } else {
      return false;
    }
  }
  if (o.surveys.empty()) o.surveys.push_back("assets/surveys/household-digital-skills.json");
  return have_count && (o.dir.empty() || o.ndjson.empty());
}

std::shared_ptr<const dr::Survey> load(const std::string& path) {
  std::string text, err;
  if (!drcli::read_file(path, dr::kMaxSurveyBytes, text, err)) { std::fprintf(stderr, "error: %s\n", err.c_str()); return nullptr; }
  dr::LoadResult r = dr::load_survey(text, path);
  drcli::print_all(r.errors, "error: ");
  return r.survey;
}

bool write_one(const std::string& dir, unsigned long n, const dr::Result& r, const std::string& text) {
  char sub[24];
  std::snprintf(sub, sizeof sub, "%04lu", n / 1000);
  const fs::path folder = fs::path(dir) / sub;
  if (n % 1000 == 0) {
    std::error_code ec;
    fs::create_directories(folder, ec);
  }
  return drcli::write_file((folder / (r.id + ".json")).string(), text);
}

}  // namespace

int main(int argc, char** argv) {
  GenOpts o;
  if (!parse(argc, argv, o)) return usage();
  std::vector<std::shared_ptr<const dr::Survey>> surveys;
  std::vector<drgen::RecordGenerator> gens;
  for (auto& path : o.surveys) {
    surveys.push_back(load(path));
    if (!surveys.back()) return 1;
    gens.emplace_back(*surveys.back(), std::uint32_t(o.seed * 1000003u + surveys.size()));
  }
  std::FILE* out = stdout;
  if (!o.ndjson.empty() && !(out = std::fopen(o.ndjson.c_str(), "wb"))) {
    std::fprintf(stderr, "%s: cannot write: %s\n", o.ndjson.c_str(), std::strerror(errno));
    return 1;
  }
  bool ok = true;
  for (unsigned long n = 0; n < o.count && ok; ++n) {
    const dr::Result r = gens[n % gens.size()].result();
    std::string text = dr::result_to_json(r);
    if (!o.dir.empty()) {
      ok = write_one(o.dir, n, r, text);
    } else {
      text += '\n';
      ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    }
  }
  if (out != stdout) ok &= std::fclose(out) == 0;
  else ok &= std::fflush(stdout) == 0;
  if (!ok) std::fprintf(stderr, "error: writing records failed\n");
  return ok ? 0 : 1;
}

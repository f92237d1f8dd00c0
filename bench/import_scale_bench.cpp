// Province scale (issue #13, docs/scale.md): the real `digiready import` run on 100,000 generated
// results, as a directory of files and as one NDJSON file. Reports records per second and the
// child's peak RSS. Targets on the 2-core machine: files <= 10 s, NDJSON <= 5 s, RSS <= 200 MB.
// SCALE_BENCH_RECORDS changes the count; the records are generated once into the build directory.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

long records() {
  const char* n = std::getenv("SCALE_BENCH_RECORDS");
  return n && std::atol(n) > 0 ? std::atol(n) : 100000;
}

// Runs args with stdout/stderr to /dev/null; returns the exit status and the child's peak RSS.
// Through /usr/bin/time (as the issue measured): Linux counts the memory a process had before exec
// in its peak, and a child spawned straight from this (large) process would report ours too.
int run(const std::vector<std::string>& args, long& max_rss_kb) {
  const std::string rss_file = std::string(DR_BENCH_DATA) + "/rss.txt";
  std::vector<std::string> full = {"/usr/bin/time", "-f", "%M", "-o", rss_file};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : full) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int status = -1;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
    waitpid(pid, &status, 0);
    std::ifstream(rss_file) >> max_rss_kb;
  }
  posix_spawn_file_actions_destroy(&fa);
  return status;
}

// The generated records, made once per count: `all.ndjson` and `files/` (1000 per sub-folder).
std::string data_dir(long n) {
  const fs::path dir = fs::path(DR_BENCH_DATA) / std::to_string(n);
  if (!fs::exists(dir / "complete")) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    long rss;
    const std::string count = std::to_string(n);
    run({DR_GEN, count, "--seed", "5", "--survey", DR_SURVEY_DIR "/household-digital-skills.json", "--ndjson",
         (dir / "all.ndjson").string()}, rss);
    run({DR_GEN, count, "--seed", "5", "--survey", DR_SURVEY_DIR "/household-digital-skills.json", "--dir",
         (dir / "files").string()}, rss);
    std::ofstream(dir / "complete") << "ok\n";
  }
  return dir.string();
}

void import_bench(benchmark::State& st, const char* input) {
  const long n = records();
  const std::string dir = data_dir(n);
  long rss_kb = 0, worst_kb = 0;
  for (auto _ : st) {
    // Summary, training list and export written too: the whole province run, not just reading.
    const int status = run({DR_CLI, "import", dir + "/" + input, "--survey-dir", DR_SURVEY_DIR, "--aggregates",
                            dir + "/summary.csv", "--training", dir + "/training.csv"}, rss_kb);
    if (status != 0) st.SkipWithError("digiready import failed");
    worst_kb = std::max(worst_kb, rss_kb);
  }
  st.SetItemsProcessed(int64_t(st.iterations()) * n);
  st.counters["peak_RSS_MB"] = double(worst_kb) / 1024;
  st.SetLabel(std::to_string(n) + " records");
}

void BM_ImportDirectory(benchmark::State& st) { import_bench(st, "files"); }
void BM_ImportNdjson(benchmark::State& st) { import_bench(st, "all.ndjson"); }
BENCHMARK(BM_ImportDirectory)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_ImportNdjson)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);

}  // namespace

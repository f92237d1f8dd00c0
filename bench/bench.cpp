// Targets: >= 1,000,000 household-survey responses scored per second; 10,000 result records read,
// verified and aggregated in <= 1 s (records are generated in memory, so disk speed is left out).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/digiready.hpp"
#include "file_util.hpp"

namespace {

// The bundled household survey when present, else the unit-test survey.
std::shared_ptr<const dr::Survey> household() {
  static std::shared_ptr<const dr::Survey> s = [] {
    auto r = dr::load_survey(drt::read_file(DR_SURVEY_DIR "/household-digital-skills.json"), "household-digital-skills.json");
    if (!r.ok()) r = dr::load_survey(drt::read_file(DR_TEST_DATA "/mini.json"), "mini.json");
    return r.survey;
  }();
  return s;
}

// Plausible random answer sets: every question answered with a random valid value.
std::vector<dr::Answers> random_answers(const dr::Survey& s, int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<dr::Answers> out(static_cast<size_t>(n));
  for (auto& a : out)
    for (auto& q : s.questions) {
      auto pick = [&](size_t k) { return size_t(rng() % k); };
      switch (q.type) {
        case dr::QuestionType::Single:
        case dr::QuestionType::YesNo: a[q.id] = q.options[pick(q.options.size())].value; break;
        case dr::QuestionType::Rating: a[q.id] = q.options[pick(q.options.size())].number; break;
        case dr::QuestionType::Multiple: {
          for (auto& o : q.options)
            if (!o.exclusive && rng() % 2) dr::toggle_option(q, a, o.value);
          break;
        }
        case dr::QuestionType::Integer:
        case dr::QuestionType::Decimal: a[q.id] = double(q.min ? *q.min : 0) + double(pick(5)); break;
        case dr::QuestionType::Text: a[q.id] = std::string(q.id == "village" ? "Ấp " + std::to_string(pick(20)) : "x"); break;
        case dr::QuestionType::Date: a[q.id] = "2024-03-01"; break;
        default: break;
      }
    }
  return out;
}

void BM_ScoreHousehold(benchmark::State& st) {
  auto s = household();
  auto answers = random_answers(*s, 256, 1);
  size_t i = 0;
  for (auto _ : st) {
    dr::Scores sc = dr::score(*s, answers[i++ & 255]);
    benchmark::DoNotOptimize(sc.overall);
  }
  st.SetItemsProcessed(int64_t(st.iterations()));
  st.SetLabel(s->id + ", " + std::to_string(s->questions.size()) + " questions");
}
BENCHMARK(BM_ScoreHousehold);

void BM_Import10k(benchmark::State& st) {
  auto s = household();
  dr::SurveyCatalog cat;
  cat.add(s);
  auto answers = random_answers(*s, 10000, 2);
  std::vector<std::string> files;
  files.reserve(answers.size());
  for (auto& a : answers) {
    dr::Result r = dr::new_result(*s, "vi", "2024-03-01T00:00:00Z");
    dr::complete_result(r, *s, a, "2024-03-01T00:10:00Z");
    files.push_back(dr::result_to_json(r));
  }
  for (auto _ : st) {
    dr::Importer im(cat);
    for (size_t i = 0; i < files.size(); ++i) im.add(files[i], "r.json");
    dr::Filter f;
    f.survey_id = s->id;
    dr::Aggregates ag = dr::aggregate(im.results(), *s, f);
    if (im.failed() || ag.count != files.size()) st.SkipWithError("import failed");
    benchmark::DoNotOptimize(ag.mean_overall);
  }
  st.SetItemsProcessed(int64_t(st.iterations() * files.size()));
}
BENCHMARK(BM_Import10k)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

// Valid result records made up from a seed, for scale tests and benchmarks: every question gets a
// random allowed answer, the place fields spread over communes and villages, ids come from the same
// seed. Same seed, same records, on any machine.
#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "core/digiready.hpp"

namespace drgen {

class RecordGenerator {
 public:
  RecordGenerator(const dr::Survey& s, std::uint32_t seed) : survey_(&s), rng_(seed) {}
  dr::Answers answers();        // one random answer set (profile fields included)
  dr::Result result();          // a complete result of those answers, deterministic id and times
  std::string record();         // result() as its canonical JSON with the checksum stamped

 private:
  std::size_t pick(std::size_t n) { return std::size_t(rng_() % n); }
  void answer(const dr::Question& q, dr::Answers& a);
  const dr::Survey* survey_;
  std::mt19937 rng_;
  std::uint64_t made_ = 0;
};

}  // namespace drgen

// Scoring per docs/survey-format.md "Scoring".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/survey.hpp"

namespace dr {

struct DimensionScore {
  int dimension = -1;  // index into Survey::dimensions
  std::string id;
  std::optional<double> percent;  // nullopt = nothing answered ("—")
  const Text* advice = nullptr;   // band advice for percent, points into the Survey
  double weight_sum = 0, earned = 0;
  int answered = 0;
};

struct KnowledgeItem {
  int question = -1;  // index into Survey::questions
  bool right = false;
  std::vector<std::string> correct;  // the right option values
};

struct Scores {
  std::vector<DimensionScore> dimensions;  // same order as Survey::dimensions
  std::optional<double> overall;
  int level = -1;              // index into Survey::levels, -1 when no overall
  std::vector<int> weakest;    // up to 3 scored dimension indices, weakest first (ties: file order)
  std::vector<int> strengths;  // dimension indices with percent >= strength_min, file order
  std::vector<KnowledgeItem> knowledge;  // visible answered knowledge items
  const Level* level_ptr(const Survey& s) const { return level >= 0 ? &s.levels[size_t(level)] : nullptr; }
};

Scores score(const Survey& s, const Answers& a);

// Fraction in [0,1] one answered question contributes (the doc's f), or nullopt if it gives none.
std::optional<double> question_fraction(const Question& q, const Value& v);

}  // namespace dr

// Scoring per docs/survey-format.md "Scoring".
#pragma once
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/survey.hpp"

namespace dr {

class EvalContext;

struct DimensionScore {
  int dimension = -1;  // index into Survey::dimensions
  std::string id;
  std::optional<double> percent;  // nullopt = nothing answered ("—")
  const Text* advice = nullptr;   // band advice for percent, points into the Survey
  double weight_sum = 0, earned = 0;
  int answered = 0;
};

// Read-only view of Question::correct. It points into the Survey (as DimensionScore::advice does),
// so scoring a response copies no strings; it iterates and compares like the vector it views.
class OptionValues {
 public:
  using value_type = std::string;
  using const_iterator = std::vector<std::string>::const_iterator;
  using iterator = const_iterator;
  OptionValues() = default;
  explicit OptionValues(const std::vector<std::string>& v) : v_(&v) {}
  const std::vector<std::string>& list() const { return v_ ? *v_ : none(); }
  operator const std::vector<std::string>&() const { return list(); }
  const_iterator begin() const { return list().begin(); }
  const_iterator end() const { return list().end(); }
  std::size_t size() const { return list().size(); }
  bool empty() const { return list().empty(); }
  const std::string& operator[](std::size_t i) const { return list()[i]; }
  friend bool operator==(const OptionValues& a, const std::vector<std::string>& b) { return a.list() == b; }
  friend bool operator==(const std::vector<std::string>& a, const OptionValues& b) { return a == b.list(); }
  friend bool operator==(const OptionValues& a, const OptionValues& b) { return a.list() == b.list(); }
  friend bool operator!=(const OptionValues& a, const std::vector<std::string>& b) { return !(a == b); }
  friend bool operator!=(const std::vector<std::string>& a, const OptionValues& b) { return !(a == b); }
  friend bool operator!=(const OptionValues& a, const OptionValues& b) { return !(a == b); }

 private:
  static const std::vector<std::string>& none() {
    static const std::vector<std::string> empty;
    return empty;
  }
  const std::vector<std::string>* v_ = nullptr;
};

struct KnowledgeItem {
  int question = -1;  // index into Survey::questions
  bool right = false;
  OptionValues correct;  // the right option values, points into the Survey
};

struct Scores {
  std::vector<DimensionScore> dimensions;  // same order as Survey::dimensions
  std::optional<double> overall;
  int level = -1;              // index into Survey::levels, -1 when no overall
  std::vector<int> weakest;    // up to 3 scored dimension indices, weakest first (ties: file order);
                               // format_version 2: strengths are left out
  std::vector<int> strengths;  // dimension indices with percent >= strength_min, file order
  std::vector<KnowledgeItem> knowledge;  // visible answered knowledge items
  const Level* level_ptr(const Survey& s) const { return level >= 0 ? &s.levels[size_t(level)] : nullptr; }
};

Scores score(const Survey& s, const Answers& a);
// The same with the context of those answers already built (a file verified: its checks and its
// scores share one, and the visibility it worked out).
Scores score(EvalContext& ctx, const Survey& s);

// The whole percentage a person sees: first the 2 decimals a record stores, then a whole number,
// halves away from zero (79.995 -> 80). Format version 2 compares levels, bands and strengths on it.
inline double shown_percent(double p) { return std::round(std::round(p * 100.0) / 100.0); }
// The percentage thresholds are compared with: shown_percent in format_version 2, p itself in 1.
inline double compared_percent(const Survey& s, double p) { return s.format_version >= 2 ? shown_percent(p) : p; }
// A dimension scored p is listed as a strength.
inline bool is_strength(const Survey& s, double p) { return compared_percent(s, p) >= s.strength_min; }

// Fraction in [0,1] one answered question contributes (the doc's f), or nullopt if it gives none.
std::optional<double> question_fraction(const Question& q, const Value& v);

}  // namespace dr

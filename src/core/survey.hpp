// The survey model (see docs/survey-format.md) and its loader.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/same_bytes.hpp"
#include "core/text.hpp"
#include "core/value.hpp"

namespace dr {

struct Expr;  // parsed expression tree, see core/expr.hpp
using ExprPtr = std::shared_ptr<const Expr>;

enum class QuestionType : unsigned char { Single, Multiple, YesNo, Rating, Integer, Decimal, Text, LongText, Date, Info };
const char* to_string(QuestionType t);
std::optional<QuestionType> question_type_from(std::string_view s);

struct Option {
  std::string value;
  Text label;
  double score = 0;
  bool exclusive = false;  // "none of these" on a multiple question
  double number = 0;       // rating: value read as a number (answers store the number)
};

struct Question {
  std::string id;
  QuestionType type = QuestionType::Text;
  Text title, help;
  bool required = false;
  std::string dimension;    // "" = not scored
  int dimension_index = -1;  // into Survey::dimensions, -1 = not scored
  double weight = 1;
  // Hidden by skip logic = the skill is missing ("installed the bank app?" when there is no
  // account): counts as 0 with its weight instead of leaving the dimension's sums.
  bool zero_when_hidden = false;
  bool indicator = false;  // format_version 2: a fact read by Survey::indicators, never scored
  std::vector<Option> options;
  std::vector<std::string> correct;  // non-empty = knowledge item
  std::optional<double> min, max;
  std::optional<double> max_score;  // multiple: as written in the file
  double full_score = 0;            // resolved denominator: highest option score / max_score
  Text unit, placeholder, constraint_message;
  std::string visible_if_src, constraint_src;
  ExprPtr visible_if, constraint;  // null when absent; parsed once at load
  int index = -1;                  // position in Survey::questions
  int section = -1;                // index into Survey::sections, -1 = profile field
  bool profile() const { return section < 0; }
  bool scored() const { return dimension_index >= 0 && type != QuestionType::Info; }
  bool knowledge() const { return !correct.empty(); }
  bool choice() const {
    return type == QuestionType::Single || type == QuestionType::Multiple || type == QuestionType::YesNo ||
           type == QuestionType::Rating;
  }
  // Inline: scoring calls this once per answered choice question.
  const Option* find_option(std::string_view value) const {
    for (auto& o : options)
      if (same_bytes(o.value, value)) return &o;
    return nullptr;
  }
};

struct Advice {
  double min = 0;
  Text text;
  std::string when_src;  // format_version 2: applies only when this holds ("" = always)
  ExprPtr when;
};

struct Dimension {
  std::string id;
  Text title;
  double weight = 1;
  std::string source;
  std::vector<Advice> advice;  // ascending min
  // The entry with the highest min <= percent, or nullptr (format_version 1: `when` is not read).
  const Text* advice_for(double percent) const;
  double top_advice_min() const;  // highest advice min, 0 without advice
};

struct Level {
  std::string id;
  double min = 0;
  Text label, description;
  std::string requires_src;  // format_version 2: reachable only when this holds ("" = always)
  ExprPtr requires_expr;     // (`requires` is a C++20 keyword)
};

// format_version 2: a figure an organiser reports, Σ numerator / Σ denominator over result records
// (docs/survey-format.md "Indicator", docs/indicators.md).
struct Indicator {
  std::string id, unit, source;
  Text title, target_label, definition;
  std::string numerator_src, denominator_src;
  ExprPtr numerator, denominator;
  std::optional<double> target;  // percent; nullopt = none
};
// The units an indicator may count ("household", "adult", ...), for the loader and readers.
bool indicator_unit_ok(std::string_view unit);

// format_version 2: a phrase in a level / advice text that claims what `expr` says of the answers.
struct Claim {
  std::string phrase, expr_src;
};

struct Section {
  std::string id;
  Text title;
  std::vector<int> questions;  // indices into Survey::questions, in order
};

struct Source {
  std::string id, citation;
};

struct Computed {
  std::string id, expr_src;
  ExprPtr expr;
};

struct Survey {
  int format_version = 1;  // 2 = the rules of docs/survey-format.md "Format version 2"
  std::string id, version;
  std::vector<std::string> languages;  // first = default
  Text title, description, intro, consent;
  int minutes = 0;
  std::vector<Source> sources;
  std::vector<int> profile;  // indices into questions (always 0..profile.size()-1)
  std::vector<Dimension> dimensions;
  std::vector<Level> levels;  // ascending min, first min == 0
  double strength_min = 75;
  std::vector<Computed> computed;
  std::vector<Section> sections;
  std::vector<Indicator> indicators;  // format_version 2
  std::vector<Claim> claims;          // format_version 2, in file order
  // Every askable question: profile fields first, then the sections in order.
  std::vector<Question> questions;
  std::string sha256;     // of the file's canonical JSON (sorted keys, compact)
  std::string file_name;  // as given to load_survey

  const Question* find(std::string_view id) const;
  int index_of(std::string_view id) const;  // question index or -1
  int computed_index(std::string_view id) const;
  int dimension_index(std::string_view id) const;
  const Level* level_by_id(std::string_view id) const;
  // Internal: (id, question index) sorted by id, for fast lookups and answer matching.
  std::vector<std::pair<std::string, int>> by_id;
};

struct LoadResult {
  std::shared_ptr<const Survey> survey;  // null on error
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  bool ok() const { return survey != nullptr; }
};

constexpr std::size_t kMaxSurveyBytes = 1024 * 1024;
constexpr int kMaxJsonDepth = 32;

// Words a survey may leave out: the labels of a yes/no question without options. The app and the
// CLI give them from the locale files (answer.yes / answer.no in every language); by default the
// option values themselves.
struct DefaultLabels {
  Text yes = Text::plain("yes"), no = Text::plain("no");
};

// Parses and checks a survey. Never throws; every message starts with `file_name`.
LoadResult load_survey(std::string_view json, std::string_view file_name, const DefaultLabels& labels = {});

// Stricter authoring checks for `digiready validate` (the loader accepts these):
// missing translations, questions that can never be shown, dimensions nothing scores, etc.
std::vector<std::string> lint_survey(const Survey& s);

// Warnings of `digiready validate` (docs/survey-format.md "Warnings"): knowledge share, silence
// that raises a score, option scores against `correct`, unclaimed conditions, unused indicator
// questions. Each line starts with the file name.
std::vector<std::string> survey_warnings(const Survey& s);

}  // namespace dr

// The training list of the survey shown, with each of its areas joined across surveys: an area is
// the same wherever a survey scores a dimension with the same id ("safety" is scored by both
// household-digital-skills and online-payment), so a household appears once per area, with every
// score that area has for it and where each came from. Areas are matched by dimension id only
// (docs/organiser.md "One training list"): two surveys mean the same thing by an id or use another.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

struct TrainingScore {
  std::size_t result = 0;  // index into the results
  const dr::Survey* survey = nullptr;
  double percent = 0;
  std::string date;  // local completion date "YYYY-MM-DD"
};

struct TrainingPerson {
  std::string who;      // household code, else business name, else result id
  std::string village;  // of their newest result ("" = not given)
  std::vector<TrainingScore> scores;  // one per survey scoring the area (its newest result), lowest first
  double lowest() const { return scores.empty() ? 0 : scores.front().percent; }
};

struct TrainingArea {
  std::string id;                               // the dimension id shared by the surveys
  std::vector<const dr::Survey*> surveys;       // the surveys that scored it, the one shown first
  std::vector<TrainingPerson> people;           // below the mark, by village then who
  std::size_t scored = 0;                       // people with a score on it (N of "n of N")
};

// For each area of `shown`: people whose score on it, in any survey, is below `below_percent`.
// Each person counts with the newest result of each survey (a household surveyed again is judged
// by its latest answers). `f`'s place, level (each result at its own level), dates and
// include_unsealed apply to every survey; its survey is not used.
std::vector<TrainingArea> training_list(const std::vector<dr::Result>& results, const dr::Survey& shown,
                                        const dr::Filter& f, double below_percent);

// Where a person's scores came from, in `lang`: "Kỹ năng số của hộ gia đình 40% · Thanh toán trực tuyến 70%".
std::string sources_text(const TrainingPerson& p, const std::string& lang);
// The list as CSV for tools (UTF-8 with BOM, RFC 4180): area, village, who, lowest %, then where
// each score came from; one row per person and area, as the tab shows it.
std::string training_csv(const std::vector<TrainingArea>& areas, const dr::Survey& shown, const dr::Strings& words);

}  // namespace app

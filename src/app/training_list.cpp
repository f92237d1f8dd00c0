#include "app/training_list.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/respondent.hpp"
#include "core/json.hpp"

namespace app {

namespace {
const std::string& when(const dr::Result& r) { return r.completed.empty() ? r.updated : r.completed; }

std::string person(const dr::Result& r) {
  std::string w = respondent(r);
  return w.empty() ? r.id : w;
}

// Index per person and survey id of their newest result that passes the filter.
std::map<std::pair<std::string, std::string>, std::size_t> newest_results(const std::vector<dr::Result>& results,
                                                                          const dr::Filter& f) {
  std::map<std::pair<std::string, std::string>, std::size_t> newest;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const dr::Result& r = results[i];
    if (!r.survey || !f.matches(r)) continue;
    auto [it, fresh] = newest.emplace(std::make_pair(person(r), r.survey_id), i);
    if (!fresh && when(r) > when(results[it->second])) it->second = i;
  }
  return newest;
}

std::optional<double> score_on(const dr::Result& r, const std::string& area) {
  for (const auto& [id, p] : r.scores.dimensions)
    if (id == area) return p;
  return std::nullopt;
}

bool person_order(const TrainingPerson& a, const TrainingPerson& b) {
  if (a.village.empty() != b.village.empty()) return b.village.empty();  // no village last
  if (const int c = dr::natural_compare(a.village, b.village)) return c < 0;
  return dr::natural_compare(a.who, b.who) < 0;
}
}  // namespace

std::vector<TrainingArea> training_list(const std::vector<dr::Result>& results, const dr::Survey& shown,
                                        const dr::Filter& filter, double below_percent) {
  dr::Filter f = filter;
  f.survey_id.clear();  // every survey that scores the area
  const auto newest = newest_results(results, f);
  std::vector<TrainingArea> out;
  for (const dr::Dimension& dim : shown.dimensions) {
    TrainingArea area;
    area.id = dim.id;
    area.surveys.push_back(&shown);
    std::map<std::string, TrainingPerson> people;
    std::map<std::string, std::string> latest;  // per person: the time of the result naming their village
    for (const auto& [key, i] : newest) {
      const dr::Result& r = results[i];
      const std::optional<double> p = score_on(r, dim.id);
      if (!p) continue;  // not scored (another survey, or hidden by skip logic)
      TrainingPerson& who = people[key.first];
      who.who = key.first;
      std::string& last = latest[key.first];
      if (who.scores.empty() || when(r) > last) {
        last = when(r);
        who.village = dr::tidy(profile_text(r, "village"));
      }
      who.scores.push_back({i, r.survey.get(), *p, dr::local_date(when(r), f.utc_offset_minutes)});
      if (std::none_of(area.surveys.begin(), area.surveys.end(), [&](const dr::Survey* s) { return s->id == r.survey_id; }))
        area.surveys.push_back(r.survey.get());
    }
    area.scored = people.size();
    for (auto& [who, p] : people) {
      std::stable_sort(p.scores.begin(), p.scores.end(), [](const auto& a, const auto& b) { return a.percent < b.percent; });
      if (p.lowest() < below_percent) area.people.push_back(std::move(p));
    }
    std::stable_sort(area.people.begin(), area.people.end(), person_order);
    out.push_back(std::move(area));
  }
  return out;
}

std::string sources_text(const TrainingPerson& p, const std::string& lang) {
  std::string out;
  for (const TrainingScore& sc : p.scores)
    out += (out.empty() ? "" : " · ") + sc.survey->title.get(lang) + " " +
           dr::json::number_text(std::round(sc.percent * 100) / 100) + "%";
  return out;
}

std::string training_csv(const std::vector<TrainingArea>& areas, const dr::Survey& shown, const dr::Strings& words) {
  const std::string& lang = words.language();
  std::string out = "\xEF\xBB\xBF";
  auto row = [&out](std::initializer_list<std::string> cells) {
    bool first = true;
    for (const std::string& c : cells) {
      out += (first ? "" : ",") + dr::csv_field(c);
      first = false;
    }
    out += "\r\n";
  };
  row({words.get("csv.dimension"), words.get("csv.village"), words.get("csv.household"),
       words.get("csv.dimension_percent"), words.get("csv.training_sources")});
  for (const TrainingArea& a : areas) {
    const int di = shown.dimension_index(a.id);
    const std::string title = di >= 0 ? shown.dimensions[std::size_t(di)].title.get(lang) : a.id;
    for (const TrainingPerson& p : a.people)
      row({title, p.village, p.who, dr::json::number_text(std::round(p.lowest() * 100) / 100), sources_text(p, lang)});
  }
  return out;
}

}  // namespace app

#include "app/wishes.hpp"

#include <algorithm>

namespace app {

Wishes count_wishes(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& f) {
  Wishes w;
  const dr::Question* q = s.find(kWishQuestion);
  if (!q || q->type != dr::QuestionType::Multiple) return w;
  w.question = q->id;
  for (const dr::Option& o : q->options) w.counts.push_back({&o, 0});
  for (const dr::Result& r : results) {
    if ((r.survey ? r.survey.get() != &s : r.survey_id != s.id) || !f.matches(r)) continue;
    auto it = r.answers.find(q->id);
    if (it == r.answers.end() || !it->second.answered() || !it->second.is_list()) continue;
    ++w.answered;
    for (Wishes::Count& c : w.counts) {
      const auto& list = it->second.list();
      if (std::find(list.begin(), list.end(), c.option->value) != list.end()) ++c.people;
    }
  }
  return w;
}

}  // namespace app

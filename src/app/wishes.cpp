#include "app/wishes.hpp"

#include <algorithm>

namespace app {

Wishes no_wishes(const dr::Survey& s) {
  Wishes w;
  const dr::Question* q = s.find(kWishQuestion);
  if (!q || q->type != dr::QuestionType::Multiple) return w;
  w.question = q->id;
  for (const dr::Option& o : q->options) w.counts.push_back({&o, 0});
  return w;
}

void add_wishes(Wishes& w, const std::vector<dr::Result>& results, std::size_t from, const dr::Survey& s,
                const dr::Filter& f) {
  if (w.question.empty()) return;
  for (std::size_t i = from; i < results.size(); ++i) {
    const dr::Result& r = results[i];
    if ((r.survey ? r.survey.get() != &s : r.survey_id != s.id) || !f.matches(r)) continue;
    auto it = r.answers.find(w.question);
    if (it == r.answers.end() || !it->second.answered() || !it->second.is_list()) continue;
    ++w.answered;
    for (Wishes::Count& c : w.counts) {
      const auto& list = it->second.list();
      if (std::find(list.begin(), list.end(), c.option->value) != list.end()) ++c.people;
    }
  }
}

Wishes count_wishes(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& f) {
  Wishes w = no_wishes(s);
  add_wishes(w, results, 0, s, f);
  return w;
}

}  // namespace app

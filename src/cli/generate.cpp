#include "cli/generate.hpp"

#include <cstdio>

namespace drgen {

void RecordGenerator::answer(const dr::Question& q, dr::Answers& a) {
  using dr::QuestionType;
  switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo: a[q.id] = q.options[pick(q.options.size())].value; break;
    case QuestionType::Rating: a[q.id] = q.options[pick(q.options.size())].number; break;
    case QuestionType::Multiple:
      for (auto& o : q.options)
        if (!o.exclusive && rng_() % 2) dr::toggle_option(q, a, o.value);
      break;
    case QuestionType::Integer:
    case QuestionType::Decimal: a[q.id] = (q.min ? *q.min : 1) + double(pick(5)); break;
    case QuestionType::Date: a[q.id] = std::string("2026-03-01"); break;
    case QuestionType::Text:
    case QuestionType::LongText: {
      // Place names as a province office sees them: a few dozen communes, villages within them.
      const std::size_t n = pick(40);
      if (q.id == "commune") a[q.id] = "Xã " + std::to_string(n);
      else if (q.id == "village") a[q.id] = "Thôn " + std::to_string(n % 12);
      else if (q.id == "household_code") a[q.id] = "HH-" + std::to_string(made_);
      else if (q.id == "business_name") a[q.id] = "HTX " + std::to_string(made_);
      else a[q.id] = std::string("x");
      break;
    }
    default: break;
  }
}

dr::Answers RecordGenerator::answers() {
  dr::Answers a;
  for (auto& q : survey_->questions) {
    // A value that breaks a rule ("no more smartphone users than people") is drawn again; an
    // answer that keeps breaking it is left out, as a person would skip it.
    int tries = 0;
    do {
      a.erase(q.id);
      answer(q, a);
    } while (dr::check_answer(*survey_, q, a) && ++tries < 8);
    // A count bounded by another ("adults" <= "household_size" 1) rarely comes out right at random:
    // its smallest value is tried before leaving it out (no draw, so other records stay the same).
    if (tries == 8 && (q.type == dr::QuestionType::Integer || q.type == dr::QuestionType::Decimal)) {
      a[q.id] = q.min ? *q.min : 0.0;
      if (!dr::check_answer(*survey_, q, a)) tries = 0;
    }
    // A required choice of several that came out empty every time (each option is a coin toss: two
    // options are both left off one time in four): the "none" option if it has one, else the first,
    // as the app lets no one go on without a choice (no draw, so other records stay the same).
    if (tries == 8 && q.type == dr::QuestionType::Multiple && !q.options.empty()) {
      a.erase(q.id);
      const dr::Option* pick_one = &q.options.front();
      for (auto& o : q.options)
        if (o.exclusive) pick_one = &o;
      dr::toggle_option(q, a, pick_one->value);
      if (!dr::check_answer(*survey_, q, a)) tries = 0;
    }
    if (tries == 8) a.erase(q.id);
  }
  return a;
}

dr::Result RecordGenerator::result() {
  dr::Answers a = answers();
  char id[33];
  std::snprintf(id, sizeof id, "%08x%08x%08x%08x", unsigned(rng_()), unsigned(rng_()), unsigned(rng_()), unsigned(rng_()));
  char day[32];
  std::snprintf(day, sizeof day, "2026-03-%02uT%02u:", unsigned(1 + made_ % 28), unsigned(made_ % 24));
  dr::Result r = dr::new_result(*survey_, survey_->languages.front(), std::string(day) + "00:00Z");
  r.id = id;
  dr::complete_result(r, *survey_, a, std::string(day) + "20:00Z");
  ++made_;
  return r;
}

std::string RecordGenerator::record() { return dr::result_to_json(result()); }

}  // namespace drgen

// The training wishes: how many people asked for help with each thing (the survey's `want_learn`
// question, several choices allowed), among the results the filter keeps. A list to plan classes by.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

struct Wishes {
  std::string question;  // its id ("" when the survey asks none)
  std::size_t answered = 0;  // people who answered it
  struct Count {
    const dr::Option* option;
    std::size_t people;
  };
  std::vector<Count> counts;  // in the option's order
};

constexpr const char* kWishQuestion = "want_learn";
Wishes count_wishes(const std::vector<dr::Result>& results, const dr::Survey& s, const dr::Filter& f);
// The same in steps, for a table growing while files are read: none counted yet, then
// results[from..] added to what count_wishes() gave over results[..from).
Wishes no_wishes(const dr::Survey& s);
void add_wishes(Wishes& w, const std::vector<dr::Result>& results, std::size_t from, const dr::Survey& s,
                const dr::Filter& f);

}  // namespace app

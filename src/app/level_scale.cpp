#include "app/level_scale.hpp"

namespace app {

LevelPlace level_place(const dr::Survey& s, const dr::Level* level) {
  LevelPlace p;
  p.of = int(s.levels.size());
  for (size_t i = 0; i < s.levels.size(); ++i)
    if (&s.levels[i] == level) p.n = int(i) + 1;
  return p;
}

}  // namespace app

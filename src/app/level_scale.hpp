// A level said with its scale: "Bắt đầu — mức 1 trên 4". A survey lists its levels lowest first.
#pragma once
#include "core/digiready.hpp"

namespace app {

struct LevelPlace {
  int n = 0;   // 1 = the lowest; 0 when there is no level
  int of = 0;  // how many levels the survey has
};
LevelPlace level_place(const dr::Survey& s, const dr::Level* level);

}  // namespace app

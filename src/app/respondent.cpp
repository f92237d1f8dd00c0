#include "app/respondent.hpp"

namespace app {

std::string profile_text(const dr::Result& r, const char* key) {
  auto it = r.profile.find(key);
  return it != r.profile.end() && it->second.is_string() ? it->second.str() : std::string();
}

std::string respondent(const dr::Result& r) {
  for (const char* key : {"household_code", "business_name"}) {
    std::string v = dr::tidy(profile_text(r, key));
    if (!v.empty()) return v;
  }
  return {};
}

}  // namespace app

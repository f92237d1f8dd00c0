#include "app/targets.hpp"

#include <algorithm>

namespace app {

const std::vector<Target>& targets() {
  // 2025 national targets: 80 % of people 15+ with a payment account, 80 % of adults with a smartphone.
  static const std::vector<Target> t = {
      {"online-payment", "pay_accounts", {"bank", "ewallet"}, 80, "organiser.target_payment"},
      {"online-payment", "smartphone", {"yes"}, 80, "organiser.target_smartphone"},
      {"household-digital-skills", "phone", {"smart_own"}, 80, "organiser.target_smartphone"},
  };
  return t;
}

bool meets(const Target& t, const dr::Value& v) {
  for (const char* want : t.values) {
    if (v.is_string() && v.str() == want) return true;
    if (v.is_list() && std::find(v.list().begin(), v.list().end(), want) != v.list().end()) return true;
  }
  return false;
}

}  // namespace app

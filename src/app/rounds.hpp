// The organiser's rounds (đợt): a named range of completion dates a commune reports by ("Đợt 1/2026",
// 01/01/2026 to 30/06/2026), kept in the app's storage so the next visit offers them again. Choosing
// one sets the date filter (dr::Filter::date_from / date_to) that every tab and export applies.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/storage.hpp"

namespace app {

struct Round {
  std::string name;      // as the organiser named it: "Đợt 1/2026"
  std::string from, to;  // local dates "YYYY-MM-DD", both included
};

// A date as people type it: "30/6/2026", "30-06-2026" or "2026-06-30" -> "2026-06-30"; nothing when
// it is no real day.
std::optional<std::string> parse_date(std::string_view typed);
// "2026-06-30" -> "30/06/2026", as dates are read in Vietnam.
std::string date_words(const std::string& iso_date);

class Rounds {
 public:
  explicit Rounds(KeyValueStore& store);
  const std::vector<Round>& all() const { return rounds_; }
  enum class Problem { None, NoName, BadFrom, BadTo, ToBeforeFrom, NotKept };
  // Adds a round from what was typed (the dates as parse_date reads them), or replaces the one of
  // the same name; kept at once. Rounds stay in date order.
  Problem save(const std::string& name, const std::string& from, const std::string& to);
  void remove(const std::string& name);
  // The round with exactly these dates, if any (its name labels the filter).
  const Round* find(const std::string& from, const std::string& to) const;
  // A name to start from: "Đợt N/YYYY" with the next N of that year (`pattern` "Đợt {0}/{1}").
  std::string next_name(const std::string& pattern, const std::string& year) const;

  static constexpr const char* kKey = "organiser.rounds";  // "name\tfrom\tto" lines

 private:
  KeyValueStore& store_;
  std::vector<Round> rounds_;
};

}  // namespace app

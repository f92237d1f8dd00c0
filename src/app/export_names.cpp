#include "app/export_names.hpp"

#include "app/respondent.hpp"

namespace app {

std::string file_part(std::string_view s) {
  std::string out;
  auto put = [&out](char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  };
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      put(s[i++]);
      continue;
    }
    std::size_t j = i;  // a run of non-ASCII letters, folded as a whole
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    for (char c : dr::fold(s.substr(i, j - i))) put(c);
    i = j;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string result_file_name(const dr::Result& r) {
  std::string who = file_part(profile_text(r, "household_code"));
  if (who.empty()) who = file_part(profile_text(r, "business_name"));
  std::string name = r.survey_id;
  if (!who.empty()) name += "_" + who;
  const std::string& when = r.completed.empty() ? r.updated : r.completed;
  if (when.size() >= 10) name += "_" + when.substr(0, 10);
  return name + ".json";
}

std::string export_name(const std::string& what, const dr::Filter& f, const std::string& day, const std::string& tail,
                        bool with_level, const std::string& round) {
  std::string out = "digiready-" + what;
  auto add = [&out](const std::string& part) {
    const std::string slug = file_part(dr::fold(part));  // folded first: all lower case
    if (!slug.empty()) out += "-" + slug.substr(0, 40);
  };
  for (const std::string* part : {&f.province, &f.commune, &f.village, with_level ? &f.level : nullptr})
    if (part) add(*part);
  // The period counted: the round's name, else its days (two rounds exported the same day differ).
  if (f.dated() && !round.empty()) add(round);
  else if (f.dated())
    out += f.date_from.empty() ? "-to-" + f.date_to
           : f.date_to.empty() ? "-from-" + f.date_from : "-" + f.date_from + "-to-" + f.date_to;
  return out + "-" + day + tail;
}

std::string results_ndjson_name(const std::string& day) { return "digiready-results-" + day + ".ndjson"; }

std::string batch_ndjson_name(const std::string& day, std::size_t n) {
  return "digiready-batch-" + day + "-" + std::to_string(n) + ".ndjson";
}

}  // namespace app

// The survey the organiser-side fuzz targets read and write results of (profile places, a text,
// a decimal, a multiple and a yes/no question), and the seed records made for it.
#pragma once
#include <memory>

#include "core/result.hpp"

namespace drf {

inline const char* kOrganiserSurvey =
    R"({"format":"digiready-survey","format_version":1,"id":"o","version":"1","languages":["vi","en"],
 "title":"t","dimensions":[{"id":"d","title":"d"},{"id":"e","title":"e"}],
 "levels":[{"id":"l","min":0,"label":"thấp"},{"id":"h","min":50,"label":"=cao"}],
 "profile":[{"id":"province","type":"text","title":"p"},{"id":"village","type":"text","title":"v"},
  {"id":"household_code","type":"text","title":"h"}],
 "sections":[{"id":"s","title":"s","questions":[
  {"id":"t","type":"text","title":"t"},
  {"id":"n","type":"decimal","title":"n"},
  {"id":"m","type":"multiple","title":"m","dimension":"d","options":[{"value":"a","label":"-a","score":1},{"value":"b","label":"b","score":2}]},
  {"id":"y","type":"yesno","title":"y","dimension":"e"}]}]})";

inline std::shared_ptr<const dr::Survey> organiser_survey() {
  static std::shared_ptr<const dr::Survey> s = dr::load_survey(kOrganiserSurvey, "o.json").survey;
  if (!s) __builtin_trap();
  return s;
}

inline const dr::SurveyCatalog& organiser_catalog() {
  static dr::SurveyCatalog c = [] {
    dr::SurveyCatalog cat;
    cat.add(organiser_survey());
    return cat;
  }();
  return c;
}

}  // namespace drf

// The names of the files the app downloads: they say what is inside (survey, household, place,
// day) and every system takes them (ASCII letters, digits and '-' only).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/digiready.hpp"

namespace app {

// A piece of a file name: ASCII letters and digits kept, other letters without their marks
// ("Cà phê HD-01" -> "Ca-phe-HD-01"), anything else one '-'.
std::string file_part(std::string_view s);

// One result: "<survey>_<household code or business>_<day>.json".
std::string result_file_name(const dr::Result& r);

// The organiser's exports: "digiready-<what>[-<place>...][-<level>][-<period>]-<day><tail>", the place
// and level filtered on folded to lower case ("digiready-online-payment-thon-dong-2026-11-28.csv").
// `what` is a survey id, or "indicators" (all surveys: the level does not apply). The period is the
// dates filtered on: `round`, the name of the round with those dates when there is one ("dot-1-2026"),
// else the days ("2026-03-01-to-2026-03-31", "from-2026-03-01", "to-2026-03-31").
std::string export_name(const std::string& what, const dr::Filter& f, const std::string& day, const std::string& tail,
                        bool with_level = true, const std::string& round = "");
// Every imported record, and an enumerator's batch of n households, as NDJSON.
std::string results_ndjson_name(const std::string& day);
std::string batch_ndjson_name(const std::string& day, std::size_t n);

}  // namespace app

// One sheet per organiser tab, holding what that tab shows: who, where, level and scores first,
// short headers in the reader's language over a row of codes, numbers as numbers, local times.
// Each tab's builder stands alone, so a new tab adds its own (see docs/export.md).
#pragma once
#include <string>
#include <vector>

#include "app/report_table.hpp"
#include "app/training_list.hpp"
#include "app/workbook.hpp"
#include "core/digiready.hpp"
#include "core/indicators.hpp"

namespace app {

// The "Danh sách" tab: one row per result of survey s given (the list's rows, in its order), answers
// after the scores; a multiple-choice question gives one 1/0 column per option.
Sheet households_sheet(const std::vector<const dr::Result*>& rows, const dr::Survey& s, const dr::Strings& words,
                       int utc_offset_minutes);
// The "Tổng hợp" tab: overall and each area, people counted, mean %, people per level.
Sheet summary_sheet(const dr::Aggregates& ag, const dr::Survey& s, const dr::Strings& words);
// The "Cần học" tab: one row per person and area below the level chosen, by village, each area
// joined across the surveys that score it (app/training_list.hpp), with where each score came from.
Sheet training_sheet(const std::vector<TrainingArea>& areas, const dr::Survey& s, const dr::Strings& words);
// The "Chỉ tiêu" tab: each indicator with n, N, %, target and whether it is met.
Sheet indicators_sheet(const std::vector<dr::IndicatorRow>& rows, const dr::Strings& words);

// The "Theo thôn" tab: the village table as it is (villages as rows); an area's % is followed by its
// n (people scored), an indicator's % by its n and N (Σ numerator, Σ denominator).
Sheet villages_sheet(const ReportTable& t, const dr::Strings& words);

// A header cut to `max_chars` characters (UTF-8 aware) with "…", spaces tidied.
std::string short_header(const std::string& text, std::size_t max_chars = 32);

}  // namespace app

#include "cli/export_cmd.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "app/rounds.hpp"
#include "app/tab_export.hpp"
#include "cli/cli_io.hpp"
#include "cli/import_cmd.hpp"
#include "cli/record_source.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace drcli {

namespace {

struct ExportOpts {
  std::string survey_dir = "assets/surveys", xlsx, tab = "list", survey, version, lang = "vi", offset, from, to;
  dr::Filter filter;
  int below_level = 2;
  bool include_unsealed = false;
};

int export_usage() {
  std::fputs("usage: digiready export INPUT... --xlsx FILE [--tab list|summary|training|indicators|villages]\n"
             "         [--survey ID [--survey-version V]] [--province X] [--commune X] [--village X] [--level ID]\n"
             "         [--below-level N] [--from DATE] [--to DATE] [--lang LANG] [--utc-offset +07:00]\n"
             "         [--survey-dir DIR] [--include-unsealed]   (DATE: 30/06/2026 or 2026-06-30, local)\n",
             stderr);
  return 2;
}

bool parse_args(const std::vector<std::string>& args, ExportOpts& o, std::vector<std::string>& inputs) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* into = a == "--survey-dir" ? &o.survey_dir : a == "--xlsx" ? &o.xlsx : a == "--tab" ? &o.tab
                        : a == "--survey" ? &o.survey : a == "--survey-version" ? &o.version : a == "--lang" ? &o.lang
                        : a == "--utc-offset" ? &o.offset : a == "--province" ? &o.filter.province
                        : a == "--commune" ? &o.filter.commune : a == "--village" ? &o.filter.village
                        : a == "--level" ? &o.filter.level : a == "--from" ? &o.from : a == "--to" ? &o.to : nullptr;
    std::string below;
    if (a == "--below-level") into = &below;
    if (into && i + 1 >= args.size()) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); return false; }
    if (into) *into = args[++i];
    else if (a == "--include-unsealed") o.include_unsealed = true;
    else if (a.rfind("--", 0) == 0) { std::fprintf(stderr, "unknown option %s\n", a.c_str()); return false; }
    else inputs.push_back(a);
    if (!below.empty()) o.below_level = std::atoi(below.c_str());
  }
  return !inputs.empty() && !o.xlsx.empty();
}

// The machine's own offset now.
int local_offset_minutes() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return int(local.tm_gmtoff / 60);
}

// "+07:00", "-05:30", "+7", "420" (minutes) → minutes east of UTC; false when not one of these.
bool parse_utc_offset(const std::string& t, int& minutes) {
  if (t.empty()) return false;
  const bool sign = t[0] == '+' || t[0] == '-';
  const int neg = t[0] == '-' ? -1 : 1;
  int h = 0, m = 0;
  char tail = 0;
  if (sign && std::sscanf(t.c_str() + 1, "%d:%d%c", &h, &m, &tail) == 2 && h <= 14 && m < 60) {
    minutes = neg * (h * 60 + m);
    return true;
  }
  if (sign && std::sscanf(t.c_str() + 1, "%d%c", &h, &tail) == 1 && h <= 14) {
    minutes = neg * h * 60;
    return true;
  }
  if (!sign && std::sscanf(t.c_str(), "%d%c", &m, &tail) == 1 && m >= -840 && m <= 840) {
    minutes = m;
    return true;
  }
  return false;
}

}  // namespace

bool parse_period(const std::string& from, const std::string& to, const std::string& offset, dr::Filter& dates) {
  dates.utc_offset_minutes = local_offset_minutes();
  const auto from_day = app::parse_date(from), to_day = app::parse_date(to);
  if ((!from.empty() && !from_day) || (!to.empty() && !to_day)) return false;
  if (!offset.empty() && !parse_utc_offset(offset, dates.utc_offset_minutes)) return false;
  dates.date_from = from_day.value_or("");
  dates.date_to = to_day.value_or("");
  return true;
}

int cmd_export(const std::vector<std::string>& args) {
  ExportOpts o;
  std::vector<std::string> inputs;
  if (!parse_args(args, o, inputs)) return export_usage();
  const auto tab = app::export_tab_from(o.tab);
  dr::Filter dates;
  if (!tab || !parse_period(o.from, o.to, o.offset, dates)) return export_usage();
  const int offset = dates.utc_offset_minutes;

  const dr::SurveyCatalog cat = load_catalog(o.survey_dir);
  dr::Importer im(cat);
  app::ResultTable table;
  std::size_t failed = 0;
  RecordSource source(inputs);
  for (RawRecord r; source.next(r);) {
    load(r);
    if (r.error.empty()) decode_scanned(r, cat);
    if (!r.error.empty()) { im.add_failure(r.name, r.error); ++failed; continue; }
    const std::size_t n = im.results().size();
    if (!im.add(r.text, r.name).ok) ++failed;
    if (im.results().size() > n) table.add(im.results().back(), n, im.reports().size() - 1);
  }
  // The table chooses as the organiser would on screen: the survey, the places, the level.
  if (!o.survey.empty()) {
    std::string version = o.version;  // none given: the version with most results, as the chooser lists
    for (const auto& [id, v] : app::ResultTable::surveys_in(im.results()))
      if (version.empty() && id == o.survey) version = v;
    // The table would fall back to the survey with most results: not what was asked for.
    if (version.empty()) { std::fprintf(stderr, "error: no results of survey %s\n", o.survey.c_str()); return 1; }
    table.choose_survey(o.survey, version);
  }
  table.choose_filter("province", o.filter.province);
  table.choose_filter("commune", o.filter.commune);
  table.choose_filter("village", o.filter.village);
  table.choose_filter("level", o.filter.level);
  table.choose_dates(dates.date_from, dates.date_to, offset);
  table.below_level = o.below_level;
  table.include_unsealed = o.include_unsealed;
  table.rebuild(im.results(), cat);
  app::IndicatorView indicators;
  indicators.update(im.results(), table.filter, o.lang);

  const dr::Strings words = cli_words(o.lang);
  app::VillageView villages;  // as the page's village tab: every village of the place chosen
  if (const dr::Survey* s = table.survey(cat))
    villages.update(im.results(), *s, table.filter, o.lang, words.get("organiser.village"), words.get("organiser.vt_results"));
  const app::Workbook wb = app::tab_workbook(*tab, table, indicators, villages, im.results(), cat, words, offset);
  if (wb.sheets.empty()) { std::fprintf(stderr, "error: no results of the survey asked for\n"); return 1; }
  const std::string problem = xlsx::write(wb, o.xlsx);
  if (!problem.empty()) { std::fprintf(stderr, "error: %s\n", problem.c_str()); return 1; }
  std::printf("records: %zu kept, %zu failed; %s: %zu rows written to %s\n", im.results().size(), failed, o.tab.c_str(),
              wb.sheets.front().rows.size(), o.xlsx.c_str());
  return failed ? 1 : 0;
}

}  // namespace drcli

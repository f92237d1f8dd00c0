// The organiser's village tab: the villages of the place chosen side by side, each with its number
// of results, each area's average % (n people) and each province indicator (n of N). On a phone a
// village is a block of lines (a 412 px screen has no room for twenty columns); the export is the
// table itself, villages as rows.
#include <string>

#include "app/report_table.hpp"
#include "ui/app.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
// "An toàn: 62% (n 5)", "Có điện thoại thông minh: 66.7% (2 / 3)".
std::string cell_text(const App& app, const app::ReportColumn& col, const app::ReportCell& c) {
  if (!c.number) return dr::format(app.t("organiser.vt_none"), {col.header});
  std::string count = c.of ? dr::format(app.t("organiser.vt_of"), {count_text(c.numerator.value_or(0)), count_text(*c.of)})
                           : dr::format(app.t("organiser.vt_n"), {std::to_string(c.n)});
  return col.header + ": " + percent_text(c.number) + " (" + count + ")";
}

void draw_village(const App& app, const app::ReportTable& t, const std::vector<app::ReportCell>& row) {
  spacing(4);
  separator();
  text(row[0].text, theme::primary(), FontRole::Title);
  text(dr::format(app.t("organiser.vt_count"), {count_text(row[1].number.value_or(0))}), theme::muted(), FontRole::Small);
  for (std::size_t c = 2; c < t.columns.size() && c < row.size(); ++c) {
    // Areas first (bars, as on the summary tab), then the indicators as lines.
    if (t.columns[c].code.rfind("ind.", 0) != 0) {
      text(t.columns[c].header, theme::ink(), FontRole::Small);
      bar(row[c].number ? float(*row[c].number / 100) : 0.f, 14, theme::primary(),
          percent_text(row[c].number) + " · " + dr::format(app.t("organiser.vt_n"), {std::to_string(row[c].n)}));
    } else {
      text(cell_text(app, t.columns[c], row[c]), row[c].number ? theme::ink() : theme::muted(), FontRole::Small);
    }
  }
}
}  // namespace

void draw_villages(App& app, Org& o, const dr::Survey& s) {
  draw_filters_no_village(app, o, s);
  text(app.t("organiser.vt_title"), theme::ink(), FontRole::Title);
  if (o.r.busy()) {
    text(app.t("organiser.ind_waiting"), theme::muted());
    return;
  }
  const app::ReportTable& t = o.r.villages.table();
  text(dr::format(app.t("organiser.vt_hint"), {std::to_string(t.rows.size())}), theme::muted(), FontRole::Small);
  double counted = 0;  // the survey's results in the villages shown, of all its results
  for (const auto& row : t.rows) counted += row.size() > 1 ? row[1].number.value_or(0) : 0;
  draw_counted(app, std::size_t(counted), o.t.of_survey(), "organiser.counted_of");
  if (t.rows.empty()) draw_no_match(app, o);
  for (const auto& row : t.rows) draw_village(app, t, row);
}

}  // namespace ui

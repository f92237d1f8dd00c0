// The organiser's list tab: one row per household with filters, search and sort.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
constexpr float kRowH = 76;  // fixed, so ImGuiListClipper can skip the rows out of view

// ---------------------------------------------------------------- table of respondents
void draw_row(App& app, Org& o, const dr::Survey& s, std::size_t index, bool wide) {
  const std::string& lang = app.lang();
  const app::Row& row = o.t.all()[index];
  const dr::Result& r = o.r.importer()->results()[row.result];
  const float w = ImGui::GetContentRegionAvail().x;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(int(index));
  // A screen reader presses the row's node (web/semantics.js) instead of tapping the canvas.
  const bool pressed = ImGui::InvisibleButton("##row", ImVec2(w, kRowH)) || take_activation("org.row." + r.id);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool changed = o.r.importer()->reports()[row.report].changed;
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + kRowH), held ? theme::selected_fill() : theme::surface(), theme::kRounding);
  dl->AddRect(p, ImVec2(p.x + w, p.y + kRowH), changed ? theme::error() : theme::border(), theme::kRounding, 0,
              changed ? 2.5f : 1.5f);
  // Sorted by one area: its % is the figure on the right; the overall moves into the second line.
  const bool by_dim = o.t.sort == app::SortBy::Dimension && o.t.sort_dim < r.scores.dimensions.size();
  const std::string pct = percent_text(by_dim ? r.scores.dimensions[o.t.sort_dim].second : row.overall);
  const std::string code = (row.code.empty() ? "—" : row.code) + (changed ? "  (!)" : "");
  const float pad = 14;
  dl->AddText(ImVec2(p.x + pad, p.y + 10), theme::primary(), code.c_str());
  const float pw = ImGui::CalcTextSize(pct.c_str()).x;
  dl->AddText(ImVec2(p.x + w - pad - pw, p.y + 10), theme::ink(), pct.c_str());
  std::string line2 = (row.village.empty() ? row.commune : row.village) + " · " + level_label(s, row.level, lang);
  if (by_dim) line2 += " · " + app.t("progress.overall") + " " + percent_text(row.overall);
  if (wide) {
    // Each dimension by its number in the key above the table (titles would not fit).
    line2 += " · " + row.date;
    for (size_t d = 0; d < r.scores.dimensions.size() && d < s.dimensions.size(); ++d)
      line2 += " · " + std::to_string(d + 1) + ": " + percent_text(r.scores.dimensions[d].second);
  }
  ImGui::PushFont(font(FontRole::Small));
  dl->PushClipRect(p, ImVec2(p.x + w - pad, p.y + kRowH), true);
  dl->AddText(ImVec2(p.x + pad, p.y + 42), theme::muted(), line2.c_str());
  dl->PopClipRect();
  ImGui::PopFont();
  // Recorded for the test hook where visible in the scrolling body.
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  const float y0 = std::max(p.y, clip.Min.y), y1 = std::min(p.y + kRowH, clip.Max.y);
  if (y1 - y0 >= 8) {
    WidgetRecord rec;
    rec.id = "org.row." + r.id;
    rec.label = row.code + " · " + line2 + " · " + pct;
    rec.kind = "row";
    rec.x = p.x;
    rec.y = y0;
    rec.w = w;
    rec.h = y1 - y0;
    hook_record(std::move(rec));
  }
  if (pressed) {
    o.v.detail = int(index);
    app.scroll_body_to(0);
  }
}

}  // namespace

void draw_list(App& app, Org& o, const dr::Survey& s) {
  draw_filters(app, o, s);
  if (text_field("org.search", app.t("organiser.search"), o.t.search, app.t("organiser.search_hint"), "text", false,
                 o.v.search_editing, false)) {
    platform::open_text_overlay("org.search");  // keyboard users; a tap opens it in the browser
  }
  const char* keys[app::kSortSegments] = {"organiser.sort_code", "organiser.sort_village", "organiser.sort_level",
                                     "organiser.sort_overall"};
  std::vector<std::string> labels;
  for (const char* k : keys) labels.push_back(app.t(k));
  const int segment = int(o.t.sort) < app::kSortSegments ? int(o.t.sort) : -1;
  const int pick = segmented("org.sort", labels, segment, o.t.ascending ? 1 : -1);
  if (pick >= 0) o.t.tap_sort_column(app::SortBy(pick));
  // Any other column: the date, or one area's % (e.g. who is weakest at online public services).
  std::string more = app.t("organiser.sort_more");
  if (o.t.sort == app::SortBy::Date || (o.t.sort == app::SortBy::Dimension && o.t.sort_dim < s.dimensions.size())) {
    const std::string what = o.t.sort == app::SortBy::Date ? app.t("organiser.sort_date") : s.dimensions[o.t.sort_dim].title.get(app.lang());
    const char* dir = o.t.sort == app::SortBy::Date ? (o.t.ascending ? "organiser.oldest" : "organiser.newest")
                                             : (o.t.ascending ? "organiser.up" : "organiser.down");
    more = dr::format(app.t("organiser.sorted_by"), {what, app.t(dir)});
  }
  if (button("org.sort.more", more, ButtonStyle::Secondary))
    toggle_chooser(o, "sort");
  if (o.v.chooser == "sort") draw_chooser(app, o, s);
  draw_counted(app, o.t.rows().size(), o.t.of_survey(), "organiser.n_rows_of");
  if (o.t.rows().empty()) draw_no_match(app, o);
  const bool wide = ImGui::GetContentRegionAvail().x >= 600;
  if (wide) {
    std::string key;
    for (size_t d = 0; d < s.dimensions.size(); ++d)
      key += (key.empty() ? "" : " · ") + std::to_string(d + 1) + ": " + s.dimensions[d].title.get(app.lang());
    text(app.t("organiser.dimensions_key") + " " + key, theme::muted(), FontRole::Small);
  }
  ImGuiListClipper clip;
  clip.Begin(int(o.t.rows().size()), kRowH + theme::kGap);
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) draw_row(app, o, s, o.t.rows()[size_t(i)], wide);
}


}  // namespace ui

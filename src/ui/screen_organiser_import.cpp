// The organiser's import tab: pick or drop files, what the last batch gave beside the totals, the
// files not read, changed scores, duplicates and conflicts (decided here), enumerator mode.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "app/conflict_answers.hpp"
#include "app/respondent.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr std::size_t kShow = 100;       // a readable number of files per list
constexpr std::size_t kDifferences = 6;  // differing answers shown per conflict (a phone's screen)

std::string n(std::size_t x) { return std::to_string(x); }

std::string batch_line(const App& app, const app::BatchCounts& b) {
  return dr::format(app.t("organiser.batch_line"), {n(b.received), n(b.kept), n(b.failed), n(b.duplicates), n(b.conflicts)});
}

// "HH-0003 · Thôn Đông": who a result is about, as the team names them.
std::string household_text(const App& app, const dr::Result& r) {
  const std::string code = app::respondent(r), village = dr::tidy(app::profile_text(r, "village"));
  std::string out = code.empty() ? app.t("organiser.no_code") : code;
  return village.empty() ? out : out + " · " + village;
}

// Each batch on its own (the latest first), then the running totals.
void draw_batches(App& app, Org& o, const dr::Importer& imp) {
  const auto& all = o.r.batches.all();
  for (std::size_t i = all.size(); i-- > 0 && all.size() - i <= 5;) {
    std::string title = dr::format(app.t("organiser.batch_title"), {n(i + 1)});
    if (i + 1 == all.size()) title += " " + app.t("organiser.batch_latest");
    text(title, theme::ink(), FontRole::Title);
    text(batch_line(app, all[i]), all[i].failed || all[i].conflicts ? theme::error() : theme::good());
  }
  spacing(4);
  text(app.t("organiser.totals_title"), theme::ink(), FontRole::Title);
  text(batch_line(app, app::ImportBatches::totals(imp)));
  if (!all.empty()) text(app.t("organiser.totals_hint"), theme::muted(), FontRole::Small);
}

// A file not read: the reason in words; the technical detail only when asked for, in the reader's
// language (the core's messages are English: in Vietnamese only what can be said in Vietnamese).
void draw_failure(App& app, Org& o, const dr::FileReport& r, std::size_t index) {
  const std::string problem = r.too_big ? "too_big" : dr::to_key(r.problem);  // too big: never read
  message_box(r.file + "\n" + app.t(("import.problem." + problem).c_str()), true);
  const bool open = o.v.open_reports.count(index) > 0;
  const std::string id = "org.failed.detail." + n(index);
  if (button(id.c_str(), app.t(open ? "organiser.detail_hide" : "organiser.detail_show"), ButtonStyle::Quiet)) {
    if (open) o.v.open_reports.erase(index);
    else o.v.open_reports.insert(index);
  }
  if (!open) return;
  std::vector<std::string> lines;
  if (!r.survey_id.empty()) lines.push_back(dr::format(app.t("organiser.detail_survey"), {r.survey_id}));
  if (r.too_big) lines.push_back(dr::format(app.t("organiser.detail_too_big"), {n(dr::kMaxResultBytes / 1024)}));
  lines.push_back(dr::format(app.t("organiser.detail_count"), {n(r.errors.size())}));
  if (app.lang() == "en") {
    for (std::size_t e = 0; e < r.errors.size() && e < 5; ++e) {
      std::string detail = r.errors[e];
      if (detail.rfind(r.file + ": ", 0) == 0) detail = detail.substr(r.file.size() + 2);  // named above
      lines.push_back(detail);
    }
  } else {
    lines.push_back(app.t("organiser.detail_english"));
  }
  for (const std::string& l : lines) text(l, theme::muted(), FontRole::Small);
}

// One household's differing copies: what differs, and the organiser's choice of the copy that counts.
void draw_conflict(App& app, Org& o, const dr::Importer& imp, std::size_t c) {
  const dr::Conflict& k = imp.conflict_list()[c];
  const std::string& lang = app.lang();
  spacing(4);
  text(household_text(app, k.copies[0]), theme::primary(), FontRole::Title);
  // Each differing answer in two short lines: the question, then every copy's answer.
  const auto diff = app::answer_differences(k.copies[0], k.copies.back());
  for (std::size_t d = 0; d < diff.size() && d < kDifferences; ++d) {
    text(diff[d].question->title.get(lang), theme::muted(), FontRole::Small);
    std::string values;
    for (std::size_t i = 0; i < k.copies.size(); ++i) {
      const dr::Answers answers = dr::all_answers(k.copies[i]);  // kept alive: v points into it
      const dr::Value* v = dr::find_answer(answers, diff[d].question->id);
      const std::string value = v && v->answered() ? answer_text(*diff[d].question, v, lang) : app.t("organiser.no_answer");
      values += (i ? " · " : "") + dr::format(app.t("organiser.copy_value"), {n(i + 1), value});
    }
    text(values);
  }
  if (diff.size() > kDifferences)
    text(dr::format(app.t("organiser.more_answers"), {n(diff.size() - kDifferences)}), theme::muted(), FontRole::Small);
  if (diff.empty()) text(app.t("organiser.same_answers"), theme::muted(), FontRole::Small);
  for (std::size_t i = 0; i < k.copies.size(); ++i) {
    const std::string id = "org.conflict." + n(c) + "." + n(i);
    const dr::Result& copy = k.copies[i];
    const std::string when = (copy.completed.empty() ? copy.updated : copy.completed).substr(0, 10);
    const std::string label = dr::format(app.t("organiser.keep_copy"), {n(i + 1), imp.reports()[k.reports[i]].file});
    if (option_row(id.c_str(), label, k.chosen == int(i), false, household_text(app, copy) + " · " + when)) o.r.choose(c, i);
  }
  if (k.chosen < 0) text(app.t("organiser.not_chosen"), theme::error(), FontRole::Small);
  else text(dr::format(app.t("organiser.chosen"), {n(std::size_t(k.chosen) + 1)}), theme::good(), FontRole::Small);
}

void draw_conflicts(App& app, Org& o, const dr::Importer& imp) {
  if (imp.conflict_list().empty()) return;
  spacing(4);
  text(app.t("organiser.conflicts_title"), theme::error(), FontRole::Title);
  text(app.t("organiser.conflicts_help"), theme::muted(), FontRole::Small);
  if (imp.undecided()) text(dr::format(app.t("organiser.n_undecided"), {n(imp.undecided())}), theme::error());
  for (std::size_t c = 0; c < imp.conflict_list().size() && c < kShow; ++c) draw_conflict(app, o, imp, c);
}

// Plain copies, each named with the file it repeats and the household.
void draw_duplicates(App& app, const dr::Importer& imp) {
  const std::size_t copies = imp.duplicates() - imp.conflicts();
  if (!copies) return;
  spacing(4);
  text(app.t("organiser.duplicates_title"), theme::ink(), FontRole::Title);
  std::size_t shown = 0;
  for (const dr::FileReport& r : imp.reports()) {
    if (!r.duplicate || r.conflict || r.same_as >= imp.reports().size() || shown++ >= kShow) continue;
    const dr::FileReport& first = imp.reports()[r.same_as];
    // The household as it counts now (the result kept under that id).
    const std::size_t at = imp.index_of(r.result_id);
    const std::string who = at < imp.results().size() ? household_text(app, imp.results()[at]) : std::string();
    message_box(dr::format(app.t("organiser.duplicate_of"), {r.file, first.file, who}), false);
  }
  if (shown > kShow) text(dr::format(app.t("organiser.more"), {n(shown - kShow)}), theme::muted());
}

}  // namespace

void draw_import(App& app, Org& o) {
  const std::string& lang = app.lang();
  text(app.t("organiser.import_hint"), theme::muted());
  draw_scan_entry(app);  // "Scan QR codes" (screen_scan.cpp)
  // The reading line keeps its place when reading ends: what is below it must not move under a
  // finger about to tap it (kept results load as the screen opens).
  const float y0 = ImGui::GetCursorPosY();
  if (o.r.busy()) {
    text(dr::format(app.t("organiser.reading"), {std::to_string(o.r.queue.done()), std::to_string(o.r.queue.total())}));
    bar(o.r.queue.total() ? float(o.r.queue.done()) / float(o.r.queue.total()) : 0.f, 18, theme::primary());
    o.v.status_h = std::max(o.v.status_h, ImGui::GetCursorPosY() - y0);
  }
  const dr::Importer* imp = o.r.importer();
  if (!o.r.busy() && imp && !imp->reports().empty()) {  // the same line, said done
    text(app.t("organiser.read_done"), theme::good());
    bar(1.f, 18, theme::good());
  } else if (!o.r.busy()) {  // nothing read yet: its height (one line and the bar, as measured later)
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    ImGui::Dummy(ImVec2(1, std::max(o.v.status_h, ImGui::GetTextLineHeightWithSpacing() + 18 + gap) - gap));
  }
  if (imp && !imp->reports().empty()) {
    draw_batches(app, o, *imp);
    if (imp->unsealed()) {
      // "kept" above counts them too: how many of those are verified, and the others apart.
      text(dr::format(app.t("organiser.n_verified"), {std::to_string(imp->consistent())}), theme::good());
      // Kept and listed apart: the organiser decides whether they count (nothing here decides it).
      text(dr::format(app.t("organiser.n_unsealed"), {std::to_string(imp->unsealed())}), theme::error());
      text(app.t("organiser.unsealed_help"), theme::muted(), FontRole::Small);
      if (button("org.unsealed", app.t(o.t.include_unsealed ? "organiser.unsealed_leave_out" : "organiser.unsealed_include"),
                 ButtonStyle::Secondary))
        o.t.choose_include_unsealed(!o.t.include_unsealed);
    }
    if (imp->changed()) text(dr::format(app.t("organiser.n_changed"), {std::to_string(imp->changed())}), theme::error());
  }
  if (o.r.notice() != app::Review::Notice::None)
    message_box(notice_text(app), o.r.notice() == app::Review::Notice::NotKeptFull);
  // What needs a person's choice first, then the files not read, changed ones, plain copies.
  if (imp) draw_conflicts(app, o, *imp);
  if (imp && imp->failed()) {
    spacing(4);
    text(app.t("organiser.failed_title"), theme::error(), FontRole::Title);
    text(app.t("organiser.failed_help"), theme::muted(), FontRole::Small);
    std::size_t shown = 0;
    for (std::size_t i = 0; i < imp->reports().size(); ++i) {
      if (imp->reports()[i].ok || shown++ >= kShow) continue;
      draw_failure(app, o, imp->reports()[i], i);
    }
    if (shown > kShow) text(dr::format(app.t("organiser.more"), {std::to_string(shown - kShow)}), theme::muted());
  }
  if (imp && imp->changed()) {
    spacing(4);
    text(app.t("organiser.changed_title"), theme::error(), FontRole::Title);
    text(app.t("organiser.changed_help"), theme::muted(), FontRole::Small);
    std::size_t shown = 0;
    for (const dr::FileReport& r : imp->reports()) {
      if (!r.changed || shown++ >= kShow) continue;
      std::string why = r.file;
      const dr::Survey* rs = survey_of(app, r);
      for (const dr::ScoreDifference& d : r.differences) why += "\n" + (rs ? difference_text(app, *rs, d) : std::string());
      message_box(why, false);
    }
    if (shown > kShow) text(dr::format(app.t("organiser.more"), {std::to_string(shown - kShow)}), theme::muted());
  }
  if (imp) draw_duplicates(app, *imp);

  // Enumerator mode: the organiser's phone goes from house to house.
  spacing(8);
  separator();
  text(app.t("enum.title"), theme::ink(), FontRole::Title);
  text(app.t("enum.hint"), theme::muted(), FontRole::Small);
  for (const auto& s : dr::newest_surveys(app.catalog())) {
    const std::string id = "enum.start." + s->id;
    if (card(id.c_str(), s->title.get(lang), app.t(s->find("household_code") ? "enum.start" : "enum.start_business"))) {
      app.enumerator().start();
      app.start_survey(s);
      return;
    }
  }
  if (imp && !imp->reports().empty() && !o.r.busy()) {
    spacing(8);
    bool& confirm = o.v.confirm_clear;  // a second tap deletes: nothing is lost by a slip of the thumb
    if (button("org.clear", app.t(confirm ? "organiser.clear_confirm" : "organiser.clear"), ButtonStyle::Danger)) {
      if (confirm) {
        o.r.clear();
        o.v.detail = -1;
      }
      confirm = !confirm;
    }
  }
}


}  // namespace ui

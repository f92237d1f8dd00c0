// Results: the level and what it means, a bar per dimension, strengths, the three most useful pieces
// of advice, the knowledge items with their right answers; download, keep, copy, start again.
#include <cstdio>
#include <string>

#include "app/household_code.hpp"
#include "app/level_scale.hpp"
#include "app/respondent.hpp"
#include "app/export_names.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

std::string profile_value(const dr::Result& r, const char* key) {
  auto it = r.profile.find(key);
  return it != r.profile.end() && it->second.is_string() ? it->second.str() : std::string();
}

std::string summary(App& app, const dr::Survey& s, const Session& ss) {
  const std::string& lang = app.lang();
  std::string out = app.t("app.name") + " — " + s.title.get(lang) + "\n";
  const std::string code = profile_value(ss.result, "household_code");
  if (!code.empty()) out += app.t("results.household") + ": " + code + "\n";
  const dr::Level* lv = ss.scores.level_ptr(s);
  out += app.t("results.level") + ": " + (lv ? lv->label.get(lang) : "—") + " (" + percent_text(ss.scores.overall) + ")\n";
  for (const auto& d : ss.scores.dimensions)
    out += "• " + s.dimensions[size_t(d.dimension)].title.get(lang) + ": " + percent_text(d.percent) + "\n";
  if (ss.result.completed.size() >= 10) out += app.t("results.date") + ": " + ss.result.completed.substr(0, 10) + "\n";
  return out;
}

// The file left the device (downloaded or shared): offered first for deletion when storage is full.
void mark_sent(App& app) {
  if (app.session().saved_on_device) app.store().mark_sent(app.session().result.id);
}

// Deleting the result on screen (kept on this device), with a second tap to confirm; then home.
void delete_this_result(App& app) {
  const Session& ss = app.session();
  if (!ss.saved_on_device) return;
  const std::string key = app::RecordStore::kResult + ss.result.id;
  if (!delete_button(app, "results.delete", key, "results.delete")) return;
  app.store().remove(key);
  app.go(Screen::Home);
  app.flash(app.t("delete.done"), false);
}

// The level with its place on the scale ("Bắt đầu — mức 1 trên 4"), the steps drawn, the overall
// percentage and what the level means.
void draw_level_card(App& app) {
  const Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  const dr::Level* lv = ss.scores.level_ptr(s);
  const app::LevelPlace place = app::level_place(s, lv);
  const float w = ImGui::GetContentRegionAvail().x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  ImGui::Indent(14);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 28);
  spacing(6);
  text(app.t("results.level"), theme::muted(), FontRole::Small);
  const std::string label = lv ? lv->label.get(lang) : std::string("—");
  text(place.n ? dr::format(app.t("results.level_scale"), {label, std::to_string(place.n), std::to_string(place.of)}) : label,
       theme::primary(), FontRole::Title);
  steps(place.n, place.of, 10, w - 28);
  text(dr::format(app.t("results.overall"), {percent_text(ss.scores.overall)}), theme::ink());
  if (lv && !lv->description.empty()) text(lv->description.get(lang));
  spacing(6);
  ImGui::PopTextWrapPos();
  ImGui::Unindent(14);
  ImGui::EndGroup();
  const float h = ImGui::GetItemRectSize().y;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), theme::selected_fill(), theme::kRounding);
  dl->ChannelsMerge();
}

// What the household does next: send the result to the team (the bar's "Gửi kết quả", or the QR code).
void draw_next_step(App& app) {
  spacing(4);
  text(app.t("results.next_title"), theme::ink(), FontRole::Title);
  std::string words = app.t("results.next_step");
  if (app::is_alone_code(app::respondent(app.session().result))) words += " " + app.t("results.next_step_alone");
  message_box(words, false);
}

}  // namespace

void draw_results(App& app) {
  Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  const dr::Scores& sc = ss.scores;
  app.begin_screen(1);

  text(app.t("results.title"), theme::primary(), FontRole::Title);
  text(s.title.get(lang), theme::muted());
  listen_to_results(app);  // "Nghe": read the result aloud (read_aloud.cpp)
  std::string meta;
  const std::string code = profile_value(ss.result, "household_code");
  if (!code.empty()) meta = app.t("results.household") + ": " + code + " · ";
  if (ss.result.completed.size() >= 10) meta += app.t("results.date") + ": " + ss.result.completed.substr(0, 10);
  text(meta, theme::muted(), FontRole::Small);
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  draw_enumerator_bar(app);  // enumerator mode: next household, batch export (screen_organiser.cpp)

  draw_level_card(app);
  draw_next_step(app);

  spacing(4);
  text(app.t("results.by_area"), theme::ink(), FontRole::Title);
  for (const auto& d : sc.dimensions) {
    const dr::Dimension& dim = s.dimensions[size_t(d.dimension)];
    text(dim.title.get(lang));
    const float f = d.percent ? float(*d.percent / 100.0) : 0.f;
    // The core's rule for a strength, on the percentage as shown (x.4995 and x.5 agree with it).
    const ImU32 col = !d.percent ? theme::track() : dr::is_strength(s, *d.percent) ? theme::good() : theme::primary();
    bar(f, 18, col, percent_text(d.percent), ImGui::CalcTextSize("100%").x + theme::kGap);  // one scale for all
  }

  if (!sc.strengths.empty()) {
    spacing(4);
    text(app.t("results.strengths"), theme::ink(), FontRole::Title);
    for (int i : sc.strengths) text("• " + s.dimensions[size_t(i)].title.get(lang), theme::good());
  }

  if (!sc.weakest.empty()) {
    spacing(4);
    text(app.t("results.advice"), theme::ink(), FontRole::Title);
    int n = 0;
    for (int i : sc.weakest) {
      const auto& d = sc.dimensions[size_t(i)];
      const dr::Dimension& dim = s.dimensions[size_t(i)];
      text(std::to_string(++n) + ". " + dim.title.get(lang) + " (" + percent_text(d.percent) + ")", theme::primary());
      if (d.advice) text(d.advice->get(lang));
    }
  }

  draw_progress_compare(app);  // before/after with an earlier result (screen_organiser.cpp)

  if (!sc.knowledge.empty()) {
    spacing(4);
    text(app.t("results.knowledge"), theme::ink(), FontRole::Title);
    for (const dr::KnowledgeItem& k : sc.knowledge) {
      const dr::Question& q = s.questions[size_t(k.question)];
      separator();
      text(q.title.get(lang), theme::ink(), FontRole::Small);
      const std::string mine = answer_text(q, dr::find_answer(ss.answers, q.id), lang);
      text((k.right ? app.t("results.right") : app.t("results.wrong")) + " — " + app.t("results.your_answer") + ": " + mine,
           k.right ? theme::good() : theme::error());
      if (!k.right) {
        std::string right;
        for (const auto& v : k.correct) {
          const dr::Option* o = q.find_option(v);
          right += (right.empty() ? "" : ", ") + (o ? o->label.get(lang) : v);
        }
        text(app.t("results.right_answer") + ": " + right, theme::ink());
      }
    }
  }

  spacing(8);
  separator();
  if (!ss.saved_on_device) {
    if (button("results.keep", app.t("results.keep"), ButtonStyle::Secondary)) app.keep_result();
  } else {
    text(app.t("results.kept"), theme::good(), FontRole::Small);
  }
  if (button("results.qr", app.t("results.qr"), ButtonStyle::Secondary)) app.show_qr();
  if (button("results.download", app.t("results.download"), ButtonStyle::Secondary)) {
    platform::download(app::result_file_name(ss.result), "application/json", dr::result_to_json(ss.result));
    mark_sent(app);
  }
  if (button("results.copy", app.t("results.copy"), ButtonStyle::Secondary)) {
    platform::copy_to_clipboard(summary(app, s, ss));
    app.toast(app.t("results.copied"));  // at the bottom, in view: the top of the page is not
  }
  if (button("results.again", app.t("results.again"), ButtonStyle::Secondary)) app.start_survey(ss.survey);
  if (button("results.home", app.t("nav.home"), ButtonStyle::Quiet)) app.go(Screen::Home);
  delete_this_result(app);

  app.end_body();
  // The phone's share sheet (Zalo, Bluetooth...) with the result file; a plain download where the
  // browser cannot share files, and then the words say where the file went.
  if (button("results.share", app.t("results.share"), ButtonStyle::Primary)) {
    mark_sent(app);
    send_file(app, app::result_file_name(ss.result), "application/json", dr::result_to_json(ss.result));
  }
  app.end_screen();
}

}  // namespace ui

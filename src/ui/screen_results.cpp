// Results: the level and what it means, a bar per dimension, strengths, the three most useful pieces
// of advice, the knowledge items with their right answers; download, keep, copy, start again.
#include <cstdio>
#include <string>

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

  // The level card.
  const dr::Level* lv = sc.level_ptr(s);
  {
    const float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Indent(14);
    spacing(6);
    text(app.t("results.level"), theme::muted(), FontRole::Small);
    text((lv ? lv->label.get(lang) : std::string("—")) + "  ·  " + percent_text(sc.overall), theme::primary(), FontRole::Title);
    if (lv && !lv->description.empty()) {
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 28);
      text(lv->description.get(lang));
      ImGui::PopTextWrapPos();
    }
    spacing(6);
    ImGui::Unindent(14);
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectSize().y;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), theme::selected_fill(), theme::kRounding);
    dl->ChannelsMerge();
  }

  spacing(4);
  text(app.t("results.by_area"), theme::ink(), FontRole::Title);
  for (const auto& d : sc.dimensions) {
    const dr::Dimension& dim = s.dimensions[size_t(d.dimension)];
    text(dim.title.get(lang));
    const float f = d.percent ? float(*d.percent / 100.0) : 0.f;
    // The core's rule for a strength, on the percentage as shown (x.4995 and x.5 agree with it).
    const ImU32 col = !d.percent ? theme::track() : dr::is_strength(s, *d.percent) ? theme::good() : theme::primary();
    bar(f, 18, col, percent_text(d.percent));
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
    if (button("results.keep", app.t("results.keep"), ButtonStyle::Secondary)) {
      ss.saved_on_device = app.store().save_result(ss.result);
      if (!ss.saved_on_device) app.flash(app.t("storage.full"), true);
      else app.flash(app.t("results.kept"), false);
    }
  } else {
    text(app.t("results.kept"), theme::good(), FontRole::Small);
  }
  if (button("results.qr", app.t("results.qr"), ButtonStyle::Secondary)) app.show_qr();
  if (button("results.download", app.t("results.download"), ButtonStyle::Secondary))
    platform::download(app::result_file_name(ss.result), "application/json", dr::result_to_json(ss.result));
  if (button("results.copy", app.t("results.copy"), ButtonStyle::Secondary)) {
    platform::copy_to_clipboard(summary(app, s, ss));
    app.flash(app.t("results.copied"), false);
  }
  if (button("results.again", app.t("results.again"), ButtonStyle::Secondary)) app.start_survey(ss.survey);
  if (button("results.home", app.t("nav.home"), ButtonStyle::Quiet)) app.go(Screen::Home);

  app.end_body();
  // The phone's share sheet (Zalo, Bluetooth...) with the result file; a plain download where the
  // browser cannot share files, and then the words say where the file went.
  if (button("results.share", app.t("results.share"), ButtonStyle::Primary) &&
      !platform::share_file(app::result_file_name(ss.result), "application/json", dr::result_to_json(ss.result)))
  {
    app.flash(app.t("results.share_downloaded"), false);
    app.scroll_body_to(0);  // the words are at the top
  }
  app.end_screen();
}

}  // namespace ui

// Taking a survey: intro + consent, one question per screen with progress, the review page.
#include <string>

#include "app/household_code.hpp"
#include "app/question_count.hpp"
#include "app/locales.hpp"
#include "app/respondent.hpp"
#include "platform/platform.hpp"
#include "app/speech.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

const char* inputmode_for(dr::QuestionType t) {
  switch (t) {
    case dr::QuestionType::Integer: return "numeric";
    case dr::QuestionType::Decimal: return "decimal";
    default: return "text";
  }
}

// The survey's tools, reachable from every question and the review page: "Lưu và thoát", the text
// size and the language. Each button as wide as its words; the row's spare room shared out.
void draw_tools(App& app) {
  const std::string& lang = app.lang();
  const std::string labels[3] = {app.t("survey.save_exit"),
                                 app.t(app.large_text() ? "survey.text_smaller" : "survey.text_larger"),
                                 app.strings().get_in(app::next_language(app.strings(), lang), "language.name")};
  float need[3], sum = 0;
  for (int i = 0; i < 3; ++i) sum += need[i] = ImGui::CalcTextSize(labels[i].c_str()).x + 28;
  const float room = ImGui::GetContentRegionAvail().x - 2 * theme::kGap;
  const float extra = (room - sum) / 3;
  auto w = [&](int i) { return extra >= 0 ? need[i] + extra : room * need[i] / sum; };
  if (button("survey.save_exit", labels[0], ButtonStyle::Secondary, w(0))) return app.save_and_exit();
  ImGui::SameLine(0, theme::kGap);
  if (button("survey.textsize", labels[1], ButtonStyle::Secondary, w(1))) app.set_large_text(!app.large_text());
  ImGui::SameLine(0, theme::kGap);
  if (button("survey.lang", labels[2], ButtonStyle::Secondary, w(2))) {
    app.set_lang(app::next_language(app.strings(), lang));  // one tap: the next language
    if (app.screen() == Screen::Question) app.announce_question();
  }
}

// A short screen (a phone on its side): the tools share a row with the progress bar, and the
// survey and section titles give their room to the question and its first option.
bool short_screen() { return ImGui::GetIO().DisplaySize.y < 520; }

}  // namespace

std::string question_position(App& app, const dr::Question& q) {
  if (q.type == dr::QuestionType::Info) return {};
  const Session& ss = app.session();
  // One count everywhere (app/question_count.hpp): profile fields included, what may still come too.
  const int n = app::question_number(*ss.survey, ss.answers, q.index);
  const app::QuestionCount c = app::count_questions(*ss.survey, ss.answers);
  return dr::format(app.t("survey.progress"), {std::to_string(n), std::to_string(c.total)});
}

namespace {

// One draft per survey and person: once the person is named, a kept draft for them is offered.
void draw_same_person_draft(App& app) {
  const app::RecordStore::Entry* kept = app.session().same_person_draft(app.store());
  if (!kept) return;
  const app::QuestionCount c = app::count_questions(kept->result);
  message_box(dr::format(app.t("survey.same_person_draft"),
                         {app::respondent(kept->result), std::to_string(c.answered), std::to_string(c.total)}),
              false);
  if (button("survey.same_person_draft", app.t("survey.continue_that_draft"), ButtonStyle::Secondary))
    app.switch_to_kept_draft(*kept);
}

}  // namespace

// The message for the question on screen, if one should be shown now (app::Session decides which).
std::string question_problem(App& app, const dr::Question& q) {
  return app::issue_words(app.session().issue(q), app.strings());
}

namespace {
// Starting a survey that has a draft: the draft is offered first (one draft, not a second one).
// Returns the draft offered, or nullptr.
const app::RecordStore::Entry* draw_draft_offer(App& app) {
  Session& ss = app.session();
  const app::RecordStore::Entry* d = app::draft_to_offer(app.store(), ss.survey->id, ss.result.id);
  if (!d) return nullptr;
  const app::QuestionCount c = app::count_questions(d->result);
  std::string where = std::to_string(c.answered) + "/" + std::to_string(c.total);
  const std::string who = app::respondent(d->result);
  if (!who.empty()) where += " · " + who;
  message_box(dr::format(app.t("survey.draft_offer"), {where}), false);
  if (button("survey.continue_draft", app.t("survey.continue_draft"), ButtonStyle::Primary)) {
    const app::RecordStore::Entry copy = *d;
    app.resume(copy);
    return nullptr;
  }
  text(app.t("survey.draft_offer_new"), theme::muted(), FontRole::Small);
  return d;
}
}  // namespace

void draw_intro(App& app) {
  Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  app.begin_screen(1);
  text(s.title.get(lang), theme::primary(), FontRole::Title);
  const app::QuestionCount count = app::count_questions(s, {});
  text(dr::format(app.t("home.survey_detail"), {std::to_string(s.minutes), std::to_string(count.total)}), theme::muted());
  const bool has_draft = draw_draft_offer(app) != nullptr;
  if (app.screen() != Screen::Intro) return app.end_body(), app.end_screen();  // the draft was taken up
  if (!s.description.empty()) text(s.description.get(lang));
  if (!s.intro.empty()) text(s.intro.get(lang));
  if (!s.consent.empty()) {
    spacing(4);
    text(app.t("survey.consent_title"), theme::ink(), FontRole::Title);
    message_box(s.consent.get(lang), false);
  }
  text(app.t("survey.saved_note"), theme::muted(), FontRole::Small);
  app.end_body();
  const float half = (ImGui::GetContentRegionAvail().x - theme::kGap) * 0.5f;
  if (button("survey.back", app.t("nav.back"), ButtonStyle::Secondary, half)) app.go(Screen::Home);
  ImGui::SameLine(0, theme::kGap);
  if (button("survey.start", app.t(has_draft ? "survey.agree_start_new" : "survey.agree_start"),
             has_draft ? ButtonStyle::Secondary : ButtonStyle::Primary, half)) {
    const int first = ss.first();
    if (first >= 0) app.show_question(first);
    else app.go(Screen::Review);
    app.answers_changed();  // the draft exists from now on: it shows under "continue"
  }
  app.end_screen();
}

namespace {
// Above the question: the tools, the progress ("Câu n/N", answered so far), the survey and section
// titles (left out on a short screen, so the question and its first option stay in view).
void draw_question_head(App& app, const dr::Question& q) {
  const Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  const dr::Progress pr = dr::progress(s, ss.answers);
  std::string where = question_position(app, q);
  if (q.required) where += " · " + app.t("survey.required_short");
  if (short_screen()) {
    // Left: "Câu n/N" over a thin bar, in a fixed share of the row; right: the tools in the rest
    // (a group, not a child, so a button whose words wrap grows instead of being cut).
    const float avail = ImGui::GetContentRegionAvail().x, progress_w = avail * 0.4f;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened;
    ImGui::BeginChild("##progress", ImVec2(progress_w, theme::kRow), false, flags);
    ImGui::SetCursorPosY(4);
    text(where, theme::ink(), FontRole::Small);
    bar(pr.fraction(), 8, theme::primary());
    ImGui::EndChild();
    ImGui::SameLine(0, theme::kGap);
    ImGui::BeginGroup();
    draw_tools(app);
    ImGui::EndGroup();
    return;
  }
  draw_tools(app);
  text(s.title.get(lang), theme::muted(), FontRole::Small);
  bar(pr.fraction(), 12, theme::primary(), where);
  if (q.profile()) text(app.t("survey.profile_section"), theme::muted(), FontRole::Small);
  else if (q.section >= 0) text(s.sections[size_t(q.section)].title.get(lang), theme::muted(), FontRole::Small);
}

// "Nghe" and the help, side by side under the question's title; the help opens below them.
void draw_listen_and_help(App& app, const dr::Question& q) {
  Session& ss = app.session();
  const std::string& lang = app.lang();
  const float half = (ImGui::GetContentRegionAvail().x - theme::kGap) * 0.5f;
  // Read aloud: title, help and options, in the app's language (app/speech.cpp decides the words).
  if (button("survey.listen", app.t("a11y.listen"), ButtonStyle::Quiet, q.help.empty() ? -1 : half))
    SemanticsBridge::speak(app::question_speech(q, app.strings()));
  if (!q.help.empty()) {
    ImGui::SameLine(0, theme::kGap);
    if (button("survey.help", ss.help_open ? app.t("survey.help_hide") : app.t("survey.help"), ButtonStyle::Quiet, half))
      ss.help_open = !ss.help_open;
    if (ss.help_open) message_box(q.help.get(lang), false);
  }
}

// The household code, for a person answering alone: the team gives the code, so the app writes a
// temporary one that says so (app::Session::answer_alone) and says what happens to it.
void draw_answer_alone(App& app, const dr::Question& q) {
  Session& ss = app.session();
  if (!app::offers_answer_alone(q)) return;
  const dr::Value* v = dr::find_answer(ss.answers, q.id);
  if (v && v->is_string() && app::is_alone_code(v->str())) {
    message_box(app.t("survey.alone_done"), false);
    return;
  }
  if (button("survey.alone", app.t("survey.alone"), ButtonStyle::Secondary) && ss.answer_alone(q)) {
    app.answers_changed();
    platform::announce(app.t("survey.alone_done"));
  }
}
}  // namespace

void draw_question(App& app) {
  Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  // An earlier answer can hide this question (skip logic applies live): move on to a visible one.
  if (!ss.settle()) {
    app.go(Screen::Review);
    return;
  }
  const dr::Question& q = s.questions[size_t(ss.pos)];

  auto go_next = [&]() {
    const app::Session::Next next = ss.next();
    switch (next.move) {
      case app::Session::Move::Stay:
        ss.reveal_problem = 2;  // on a short landscape screen the message can be below the fold
        platform::announce(question_problem(app, q));  // the refusal, in its own words
        app.request_frame();
        break;
      case app::Session::Move::Review:
        platform::close_text_overlay();
        app.go(Screen::Review);
        if (next.from_review) app.scroll_body_to(ss.review_scroll);  // where the person was, not the top
        break;
      case app::Session::Move::Question: app.show_question(next.pos); break;
    }
  };
  auto go_back = [&]() {
    const app::BackStep b = app::back_from_question(ss);
    if (b.to == app::BackStep::To::Question) app.show_question(b.pos);
    else app.go(Screen::Intro);
  };
  if (ss.submit_next) {
    ss.submit_next = false;
    go_next();
  }

  app.begin_screen(1);
  draw_question_head(app, q);
  if (app.screen() != Screen::Question) return app.end_body(), app.end_screen();  // saved and left
  text(q.title.get(lang), theme::ink(), FontRole::Title);
  draw_listen_and_help(app, q);
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());

  const std::string problem = question_problem(app, q);
  switch (q.type) {
    case dr::QuestionType::Single:
    case dr::QuestionType::YesNo:
    case dr::QuestionType::Rating:
    case dr::QuestionType::Multiple: {
      const bool multi = q.type == dr::QuestionType::Multiple;
      for (const dr::Option& o : q.options) {
        const std::string id = app::option_widget_id(q, o);
        if (option_row(id.c_str(), app::option_label(q, o, lang), dr::is_selected(q, ss.answers, o.value), multi)) {
          ss.choose(q, o.value);
          app.answers_changed();
          platform::announce(app::selection_announcement(q, ss.answers, lang, app.t("a11y.selected"), app.t("a11y.none")));
        }
      }
      if (multi) text(app.t("survey.pick_many"), theme::muted(), FontRole::Small);
      break;
    }
    case dr::QuestionType::Integer:
    case dr::QuestionType::Decimal:
    case dr::QuestionType::Date:
    case dr::QuestionType::Text:
    case dr::QuestionType::LongText: {
      auto typed = ss.typed.find(q.id);
      const dr::Value* v = dr::find_answer(ss.answers, q.id);
      const std::string value = typed != ss.typed.end() ? typed->second : (v ? dr::format_value(*v) : std::string());
      std::string placeholder = q.placeholder.get(lang);
      if (placeholder.empty()) placeholder = q.type == dr::QuestionType::Date ? app.t("survey.date_hint") : app.t("survey.type_here");
      const std::string id = "field." + q.id;
      const bool pressed = text_field(id.c_str(), q.title.get(lang), value, placeholder, inputmode_for(q.type),
                                      q.type == dr::QuestionType::LongText, ss.editing == q.id, !problem.empty());
      // A tap opens the overlay in the browser itself (inside the gesture); keyboard users get it here.
      if (pressed && !ImGui::IsMouseReleased(0)) platform::open_text_overlay(id);
      std::string hint;
      if (!q.unit.empty()) hint = q.unit.get(lang);
      if (q.min && q.max)
        hint += (hint.empty() ? "" : " · ") + dr::format(app.t("survey.range"), {dr::format_value(dr::Value(*q.min)), dr::format_value(dr::Value(*q.max))});
      if (!hint.empty()) text(hint, theme::muted(), FontRole::Small);
      break;
    }
    case dr::QuestionType::Info: break;
  }
  draw_answer_alone(app, q);
  if (q.profile()) draw_same_person_draft(app);
  if (!problem.empty()) {
    message_box(problem, true);
    if (ss.reveal_problem > 0) {
      if (ImGui::GetCursorScreenPos().y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight()) ImGui::SetScrollHereY(1.0f);
    }
    ss.problem_in_view = ImGui::GetItemRectMax().y <= ImGui::GetWindowPos().y + ImGui::GetWindowHeight() + 1 &&
                         ImGui::GetItemRectMin().y >= ImGui::GetWindowPos().y - 1;
  }
  if (ss.reveal_problem > 0) {
    --ss.reveal_problem;
    app.request_frame();
  }

  app.end_body();
  const float half = (ImGui::GetContentRegionAvail().x - theme::kGap) * 0.5f;
  if (button("survey.back", app.t("nav.back"), ButtonStyle::Secondary, half)) go_back();
  ImGui::SameLine(0, theme::kGap);
  const bool last = ss.back_to_review || ss.step(ss.pos, +1) < 0;
  if (button("survey.next", last ? app.t("survey.to_review") : app.t("nav.next"), ButtonStyle::Primary, half)) go_next();
  app.end_screen();
}

void draw_review(App& app) {
  Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  auto to_last_question = [&]() {
    const int last = ss.last();
    if (last >= 0) app.show_question(last);
  };
  app.begin_screen(1);
  ss.review_scroll = ImGui::GetScrollY();
  draw_tools(app);
  if (app.screen() != Screen::Review) return app.end_body(), app.end_screen();  // saved and left
  text(app.t("review.title"), theme::primary(), FontRole::Title);
  text(app.t("review.hint"), theme::muted());
  const app::QuestionCount count = app::count_questions(s, ss.answers);
  bar(count.total ? float(count.answered) / float(count.total) : 0.f, 12, theme::primary(),
      dr::format(app.t("review.answered"), {std::to_string(count.answered), std::to_string(count.total)}));
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  int n = 0;
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || !dr::is_visible(s, q, ss.answers)) continue;
    ++n;
    separator();
    // The question in the reading font (dark, full size), its answer in the app's blue under it.
    text(std::to_string(n) + ". " + q.title.get(lang), theme::ink());
    const std::string a = answer_text(q, dr::find_answer(ss.answers, q.id), lang);
    const auto problem = dr::check_answer(s, q, ss.answers);
    if (a.empty()) text(q.required ? app.t("review.missing_required") : app.t("review.not_answered"),
                        q.required ? theme::error() : theme::muted());
    else text(a, problem ? theme::error() : theme::primary());
    std::string id = "review.edit." + q.id;
    if (button(id.c_str(), app.t("review.edit"), ButtonStyle::Secondary, 160)) {
      ss.back_to_review = true;
      app.show_question(q.index);
    }
  }
  app.end_body();
  const float half = (ImGui::GetContentRegionAvail().x - theme::kGap) * 0.5f;
  if (button("review.back", app.t("nav.back"), ButtonStyle::Secondary, half)) to_last_question();
  ImGui::SameLine(0, theme::kGap);
  if (button("review.submit", app.t("review.submit"), ButtonStyle::Primary, half)) {
    const int bad = ss.submit_review();  // finish, or the question to fix first
    if (bad >= 0) {
      app.show_question(bad);  // submit_review put it there; shown fresh, with its message
      ss.show_problem = true;
      app.flash(app.t("review.fix_first"), true);
    } else {
      app.finish_survey();
    }
  }
  app.end_screen();
}

}  // namespace ui

// Taking a survey: intro + consent, one question per screen with progress, the review page.
#include <string>

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

void go_to_question(App& app, int pos, bool fresh = true) {
  Session& ss = app.session();
  if (fresh) ss.go_to(pos);  // else app::Session has put it there with its message
  ss.help_open = false;
  platform::close_text_overlay();
  ss.editing.clear();
  if (app.screen() != Screen::Question) app.go(Screen::Question);
  app.scroll_body_to(0);
  app.announce_question();
  app.request_frame();
}

}  // namespace

std::string question_position(App& app, const dr::Question& q) {
  if (q.type == dr::QuestionType::Info) return {};
  const Session& ss = app.session();
  auto [n, total] = app::ordinal(*ss.survey, ss.answers, q.index);
  if (!q.profile()) total += dr::progress(*ss.survey, ss.answers, q.index).pending;  // what may still show
  return dr::format(app.t(q.profile() ? "survey.progress_profile" : "survey.progress"),
                    {std::to_string(n), std::to_string(total)});
}

namespace {

// One draft per survey and person: once the person is named, a kept draft for them is offered.
void draw_same_person_draft(App& app) {
  const app::RecordStore::Entry* kept = app.session().same_person_draft(app.store());
  if (!kept) return;
  message_box(dr::format(app.t("survey.same_person_draft"),
                         {app::respondent(kept->result), std::to_string(kept->progress.answered),
                          std::to_string(kept->progress.expected())}),
              false);
  if (button("survey.same_person_draft", app.t("survey.continue_that_draft"), ButtonStyle::Secondary))
    app.switch_to_kept_draft(*kept);
}

}  // namespace

// The message for the question on screen, if one should be shown now (app::Session decides which).
std::string question_problem(App& app, const dr::Question& q) {
  return app::issue_words(app.session().issue(q), app.strings());
}

void draw_intro(App& app) {
  Session& ss = app.session();
  const dr::Survey& s = *ss.survey;
  const std::string& lang = app.lang();
  app.begin_screen(1);
  text(s.title.get(lang), theme::primary(), FontRole::Title);
  int asked = 0;
  for (const auto& q : s.questions)
    if (!q.profile() && q.type != dr::QuestionType::Info) ++asked;
  text(dr::format(app.t("home.survey_detail"), {std::to_string(s.minutes), std::to_string(asked)}), theme::muted());
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
  if (button("survey.start", app.t("survey.agree_start"), ButtonStyle::Primary, half)) {
    const int first = ss.first();
    if (first >= 0) go_to_question(app, first);
    else app.go(Screen::Review);
    app.answers_changed();  // the draft exists from now on: it shows under "continue"
  }
  app.end_screen();
}

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
      case app::Session::Move::Question: go_to_question(app, next.pos); break;
    }
  };
  auto go_back = [&]() {
    const int prev = ss.step(ss.pos, -1);
    if (prev < 0) app.go(Screen::Intro);
    else go_to_question(app, prev);
  };
  if (app.back_pressed()) go_back();
  if (ss.submit_next) {
    ss.submit_next = false;
    go_next();
  }

  app.begin_screen(1);
  // Progress is always visible: n of N, and how much is answered.
  const dr::Progress pr = dr::progress(s, ss.answers, q.index);  // q: Back / Next above may already have moved ss.pos
  // Survey title, and the language switch (answers are kept when the language changes).
  {
    const float lang_w = 132;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - lang_w - theme::kGap);
    ImGui::BeginGroup();
    text(s.title.get(lang), theme::muted(), FontRole::Small);
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - lang_w);
    const std::string other = app::next_language(app.strings(), lang);  // one tap: the next language
    if (button("survey.lang", app.strings().get_in(other, "language.name"), ButtonStyle::Secondary, lang_w)) {
      app.set_lang(other);
      app.announce_question();
    }
  }
  bar(pr.fraction(), 12, theme::primary(),
      question_position(app, q));
  if (q.profile()) text(app.t("survey.profile_section"), theme::muted(), FontRole::Small);
  else if (q.section >= 0) text(s.sections[size_t(q.section)].title.get(lang), theme::muted(), FontRole::Small);
  spacing(2);
  text(q.title.get(lang), theme::ink(), FontRole::Title);
  // Read aloud: title, help and options, in the app's language (app/speech.cpp decides the words).
  if (button("survey.listen", app.t("a11y.listen"), ButtonStyle::Quiet))
    SemanticsBridge::speak(app::question_speech(q, app.strings()));
  if (q.required) text(app.t("survey.required_mark"), theme::muted(), FontRole::Small);
  if (!q.help.empty()) {
    if (button("survey.help", ss.help_open ? app.t("survey.help_hide") : app.t("survey.help"), ButtonStyle::Quiet))
      ss.help_open = !ss.help_open;
    if (ss.help_open) message_box(q.help.get(lang), false);
  }
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
    if (last >= 0) go_to_question(app, last);
  };
  if (app.back_pressed()) to_last_question();
  app.begin_screen(1);
  ss.review_scroll = ImGui::GetScrollY();
  text(app.t("review.title"), theme::primary(), FontRole::Title);
  text(app.t("review.hint"), theme::muted());
  const dr::Progress pr = dr::progress(s, ss.answers, int(s.questions.size()));  // nothing pending now
  bar(pr.fraction(), 12, theme::primary(), dr::format(app.t("review.answered"), {std::to_string(pr.answered), std::to_string(pr.total)}));
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  int n = 0;
  for (const dr::Question& q : s.questions) {
    if (q.type == dr::QuestionType::Info || !dr::is_visible(s, q, ss.answers)) continue;
    ++n;
    separator();
    text(std::to_string(n) + ". " + q.title.get(lang), theme::muted(), FontRole::Small);
    const std::string a = answer_text(q, dr::find_answer(ss.answers, q.id), lang);
    const auto problem = dr::check_answer(s, q, ss.answers);
    if (a.empty()) text(q.required ? app.t("review.missing_required") : app.t("review.not_answered"),
                        q.required ? theme::error() : theme::muted());
    else text(a, problem ? theme::error() : theme::ink());
    std::string id = "review.edit." + q.id;
    if (button(id.c_str(), app.t("review.edit"), ButtonStyle::Secondary, 160)) {
      ss.back_to_review = true;
      go_to_question(app, q.index);
    }
  }
  app.end_body();
  const float half = (ImGui::GetContentRegionAvail().x - theme::kGap) * 0.5f;
  if (button("review.back", app.t("nav.back"), ButtonStyle::Secondary, half)) to_last_question();
  ImGui::SameLine(0, theme::kGap);
  if (button("review.submit", app.t("review.submit"), ButtonStyle::Primary, half)) {
    const int bad = ss.submit_review();  // finish, or the question to fix first
    if (bad >= 0) {
      go_to_question(app, bad, false);
      app.flash(app.t("review.fix_first"), true);
    } else {
      app.finish_survey();
    }
  }
  app.end_screen();
}

}  // namespace ui

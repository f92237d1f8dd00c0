#include "ui/app.hpp"

#include "app/locales.hpp"
#include "app/settings.hpp"
#include "app/speech.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/hook_state.hpp"
#include "ui/organiser.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
constexpr float kBasePx = 19, kLargePx = 24;

}  // namespace

const char* screen_name(Screen s) {
  switch (s) {
    case Screen::Home: return "home";
    case Screen::Intro: return "intro";
    case Screen::Question: return "question";
    case Screen::Review: return "review";
    case Screen::Results: return "results";
    case Screen::Organiser: return "organiser";
    case Screen::Qr: return "qr";
    case Screen::Scan: return "scan";
    case Screen::Space: return "space";
  }
  return "?";
}

void App::init() {
  // The first frame shows the first language or the chosen one; of the others it needs only their
  // names (home's language switch), and parsing them waits until after it (add_all_locales).
  add_locales(app::embedded_locale_names());
  load_settings();
  start_lang_ = lang_;
  add_locales(app::embedded_locales([this](std::string_view l) { return l == app::kFirstLanguage || l == lang_; }));
  strings_.on_missing([](const std::string& m) { platform::log(m); });
  strings_.set_language(lang_);
  theme::apply_style();

  platform::set_text_handler({
      [this](const std::string& id) {
        // The overlay now has the keyboard: key releases go to it, not to the canvas, so forget held keys
        // (else ImGui 1.86 keeps Enter "down" and repeats it).
        ImGuiIO& io = ImGui::GetIO();
        for (bool& k : io.KeysDown) k = false;
        // Widget ids of answer fields are "field.<question id>".
        session_.editing = id.rfind("field.", 0) == 0 ? id.substr(6) : std::string();
        organiser_text_begin(*this, id);  // the organiser's search box
        request_frame();
      },
      [this](const std::string& text) {
        if (organiser_text_input(*this, text)) return request_frame();
        const dr::Question* q = session_.survey && !session_.editing.empty() ? session_.survey->find(session_.editing) : nullptr;
        if (q && session_.type(*q, text)) answers_changed();
        request_frame();
      },
      [this](const std::string&, bool enter) {
        // Enter in a one-line answer field means "next", as on any form.
        if (enter && screen_ == Screen::Question && !session_.editing.empty()) session_.submit_next = true;
        if (session_.trim(session_.editing)) answers_changed();
        session_.editing.clear();
        organiser_text_begin(*this, "");
        request_frame();
      },
  });

  platform::set_back_handler([this] {
    ++back_events_;  // two quick presses before a frame are two steps back
    request_frame();
  });

  platform::set_test_hook([this] { return hook_state_json(*this); }, [] { return hook_widgets_json(); });
  organiser_init(*this);  // file import (picker, drag-and-drop) for the organiser review

  platform::request_surveys([this](std::vector<std::pair<std::string, std::string>> files) {
    on_surveys(std::move(files));
  });
}

void App::add_locales(std::vector<app::LocaleFile> files) {
  for (const std::string& problem : app::add_locales(strings_, std::move(files))) platform::error(problem);
}

void App::add_all_locales() {
  if (all_locales_) return;
  all_locales_ = true;
  add_locales(app::embedded_locales([this](std::string_view l) { return l != app::kFirstLanguage && l != start_lang_; }));
}

void App::on_surveys(std::vector<std::pair<std::string, std::string>> files) {
  add_all_locales();  // the surveys' yes/no labels come in every language
  for (auto& [name, text] : files) {
    dr::LoadResult lr = dr::load_survey(text, name, app::survey_labels(strings_));
    for (const auto& w : lr.warnings) platform::log(w);
    if (!lr.ok()) {
      for (const auto& e : lr.errors) {
        platform::log(e);
        survey_errors_.push_back(e);
      }
      if (lr.errors.empty()) survey_errors_.push_back(name);
      continue;
    }
    catalog_.add(lr.survey);
    glyph_check_ += text;
  }
  surveys_loaded_ = true;
  if (store_.load(catalog_) > 0) flash(t("storage.set_aside"), true);
  request_frame();
}

void App::load_settings() {
  const app::Settings s = app::load_settings(local_storage_, strings_);
  lang_ = s.lang;
  large_text_ = s.large_text;
}

void App::save_settings() { app::save_settings(local_storage_, {lang_, large_text_}); }

void App::set_lang(const std::string& lang) {
  add_all_locales();
  lang_ = lang;
  strings_.set_language(lang);
  save_settings();
  if (session_.survey) session_.result.language = lang;
  request_frame();
}

void App::set_large_text(bool on) {
  large_text_ = on;
  save_settings();
  request_frame();
}

void App::go(Screen s) {
  if (!session_.editing.empty()) {
    platform::close_text_overlay();
    session_.editing.clear();
  }
  // Leaving the QR code or the camera gives back what they held (screen on, camera).
  if (screen_ == Screen::Qr && s != Screen::Qr) platform::keep_screen_on(false);
  if (screen_ == Screen::Scan && s != Screen::Scan) {
    platform::stop_scan();
    review_.end_import();  // the scanned batch is complete: its summary shows on the import page
  }
  screen_ = s;
  delete_armed_.clear();  // a delete asked on one screen is not confirmed on another
  scroll_body_to(0);
  clear_flash();
  toast_.clear();
  if (s == Screen::Home && surveys_loaded_) store_.load(catalog_);
  if (s == Screen::Home) platform::announce("");  // the live region must not keep the last result
  request_frame();
}

bool App::wants_frame() {
  const bool r = frame_requested_;
  frame_requested_ = false;
  return r;
}

void App::before_frame() {
  organiser_work(*this);  // import work between frames, never inside drawing
  fit_fonts();
  // Every character of the surveys and UI strings must be in the font (else it shows as '?'):
  // a console error, so the browser tests catch a survey or translation the font cannot show.
  if (fonts_complete_ && !glyph_check_.empty()) {
    const std::string missing = missing_glyphs(glyph_check_);
    if (!missing.empty()) platform::error("the font has no glyph for " + missing);
    glyph_check_.clear();
  }
}

void App::finish_start() {
  fit_fonts();
  add_all_locales();
}

void App::fit_fonts() {
  const float dpr = std::max(1.f, platform::device_pixel_ratio());
  const float px = large_text_ ? kLargePx : kBasePx;
  // The first frame shows only the UI's own words (home, before the surveys and records are read):
  // its atlas holds ASCII and the letters of the locale files, a third fewer glyphs to rasterise
  // before anything is on screen. Every glyph comes once that frame is drawn (finish_start).
  const bool complete = frames_ > 0;
  if (dpr == font_dpr_ && px == font_px_ && (fonts_complete_ || !complete)) return;
  build_fonts(dpr, px, complete ? nullptr : app::kLocaleLetters);
  // On the first frame the renderer creates the texture itself (NewFrame); later, replace it.
  if (font_dpr_ != 0) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  font_dpr_ = dpr;
  font_px_ = px;
  if (complete && !fonts_complete_)
    for (const app::LocaleFile& f : app::embedded_locales()) glyph_check_ += f.json;
  fonts_complete_ = complete;
}

ImVec4 App::background() const { return ImColor(theme::page()); }

void App::begin_screen(int bottom_rows) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoScrollWithMouse);
  // Readable line length on wide screens: centre a column of at most 720 CSS px.
  const float max_w = 720;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > max_w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - max_w) * 0.5f);
  const float col_w = std::min(avail, max_w);
  col_w_ = col_w;
  bottom_h_ = bottom_rows > 0 ? bottom_rows * theme::kRow + (bottom_rows - 1) * theme::kGap + theme::kGap : 0;
  if (!toast_.empty()) bottom_h_ += message_box_height(toast_, col_w) + theme::kGap;
  // NavFlattened: keyboard focus moves straight onto the widgets, not onto the child as a whole.
  ImGui::BeginChild("##body", ImVec2(col_w, -bottom_h_), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
  if (scroll_frames_ > 0) {
    ImGui::SetScrollY(scroll_y_);
    --scroll_frames_;
    request_frame();  // ImGui applies a scroll at the next Begin: that frame must come, idle or not
  }
  const ImVec2 a = ImGui::GetWindowPos();
  hook_set_clip(a.y, a.y + ImGui::GetWindowHeight());
  ImGui::PushTextWrapPos(0);
}

void App::end_body() {
  ImGui::PopTextWrapPos();
  spacing(theme::kPad);
  touch_scroll();
  // Content that got shorter (a list closed) leaves the body scrolled past its end until ImGui clamps
  // the scroll at the next Begin: draw that frame now, or the screen shows blank space and a tap
  // lands on what the next frame moves there.
  const float scroll_max_now =
      std::max(0.f, ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - ImGui::GetWindowHeight());
  if (ImGui::GetScrollY() > scroll_max_now + 1) request_frame();
  // A thin scroll indicator, so people know there is more below.
  if (ImGui::GetScrollMaxY() > 0) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float h = w->Size.y, frac = h / (h + ImGui::GetScrollMaxY());
    const float y = w->Pos.y + (h - h * frac) * (ImGui::GetScrollY() / ImGui::GetScrollMaxY());
    const float x = w->Pos.x + w->Size.x + 5;  // in the window padding, clear of the content
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + 4, y + h * frac), theme::border(), 2);
  }
  ImGui::EndChild();
  hook_set_clip(-1e9f, 1e9f);
  // The bottom bar, same column as the body.
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > col_w_) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - col_w_) * 0.5f);
  ImGui::BeginChild("##bar", ImVec2(col_w_, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
  if (!toast_.empty()) message_box(toast_, false);  // begin_screen made room for it
}

void App::end_screen() {
  ImGui::EndChild();
  ImGui::End();
}

bool App::back_pressed() const {
  return session_.editing.empty() && (back_events_ > 0 || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)));
}

void App::draw() {
  hook_begin_frame();
  // A tap puts a toast away, and the warning before leaving no longer holds.
  if (ImGui::IsMouseClicked(0)) {
    back_route_.other_input();
    toast_.clear();
  }
  // Escape on home is not the phone's Back: nothing to warn about, the page stays.
  if (back_pressed() && (back_events_ > 0 || screen_ != Screen::Home)) follow_back(back_route_.press(place(), session_));
  // Through a table, so that each screen stays a function of its own (the optimiser folds a
  // function called from one place into its caller): the screens after home are then loaded after
  // the first frame (tools/split-wasm.py, docs/size.md). In the order of Screen.
  static void (*const kDraw[])(App&) = {draw_home, draw_intro, draw_question, draw_review, draw_results,
                                        draw_organiser, draw_qr, draw_scan, draw_space};
  static_assert(std::size(kDraw) == static_cast<std::size_t>(Screen::Space) + 1, "one draw function per Screen");
  kDraw[static_cast<int>(screen_)](*this);
  if (back_events_ > 0 && --back_events_ > 0) request_frame();  // the next press, next frame
  keyboard_tab_order();
}

void App::after_frame() {
  ++frames_;
  // The browser needs the text fields (its overlay) and whether Back leaves; tests read the rest
  // through the hook, which computes it only when asked.
  platform::frame_drawn(text_fields_json(), back_route_.next_leaves(place()));
  semantics_.publish(lang_);
}

app::Place App::place() const {
  switch (screen_) {
    case Screen::Home: return app::Place::Home;
    case Screen::Intro: return app::Place::Intro;
    case Screen::Question: return app::Place::Question;
    case Screen::Review: return app::Place::Review;
    case Screen::Results: return app::Place::Results;
    case Screen::Organiser: return organiser_view_.detail >= 0 ? app::Place::OrganiserDetail : app::Place::Organiser;
    case Screen::Qr: return app::Place::Qr;
    case Screen::Scan: return app::Place::Scan;
    case Screen::Space: return app::Place::Space;
  }
  return app::Place::Home;
}

void App::follow_back(const app::BackStep& step) {
  using To = app::BackStep::To;
  switch (step.to) {
    case To::Home: go(Screen::Home); break;
    case To::Intro: go(Screen::Intro); break;
    case To::Question: show_question(step.pos); break;
    case To::Results: go(Screen::Results); break;
    case To::Organiser: go(Screen::Organiser); break;
    case To::OrganiserList: organiser_view_.detail = -1; break;
    case To::WarnLeaving: toast(t("nav.back_again_to_leave")); break;
    case To::Leave: break;  // the page lets this Back through
    case To::Stay: break;
  }
}

void App::toast(std::string text) {
  toast_ = std::move(text);
  platform::announce(toast_);
  request_frame();
}

// ---------------------------------------------------------------- survey flow
void App::start_survey(std::shared_ptr<const dr::Survey> s) {
  session_ = Session();
  session_.start(std::move(s), lang_, dr::now_iso8601());
  go(Screen::Intro);
}

void App::resume(const app::RecordStore::Entry& draft) {
  session_ = Session();
  if (!session_.resume(draft.result)) return go(Screen::Review);
  go(Screen::Question);
  announce_question();
}

void App::switch_to_kept_draft(const app::RecordStore::Entry& kept) {
  const app::RecordStore::Entry copy = kept;  // the store's list changes below
  store_.remove(app::RecordStore::kDraft + session_.result.id);
  resume(copy);
}

void App::open_result(const app::RecordStore::Entry& entry) {
  session_ = Session();
  session_.open(entry.result);
  enumerator_.add(session_.result);  // enumerator mode: a result shown joins the batch
  go(Screen::Results);
}

void App::answers_changed() {
  if (!session_.save_draft(store_, dr::now_iso8601())) {
    need_space([this] { return session_.save_draft(store_, dr::now_iso8601()); },
               app::RecordStore::kDraft + session_.result.id);
  } else {
    space_declined_ = false;
    if (flash_ == t("storage.full")) clear_flash();
  }
  request_frame();
}

void App::need_space(std::function<bool()> retry, std::string saving) {
  // Turned down once: the message stays, the screen is not forced on every answer.
  if (space_declined_) return flash(t("storage.full"), true);
  free_space_.need(std::move(retry), std::move(saving));
  if (screen_ != Screen::Space) space_from_ = screen_;
  go(Screen::Space);
}

void App::result_saved() {
  space_declined_ = false;
  if (persist_asked_) return;
  persist_asked_ = true;
  platform::ask_persistent_storage();
}

void App::finish_survey() {
  const bool kept = session_.finish(store_, dr::now_iso8601());
  enumerator_.add(session_.result);  // enumerator mode: the household just finished joins the batch
  go(Screen::Results);
  if (kept) result_saved();
  else keep_result();
  std::string said;  // level, each area, the first advice: what "Nghe" reads too
  for (const std::string& line : result_speech(*this).lines) said += (said.empty() ? "" : ". ") + line;
  platform::announce(said);
}

void App::keep_result() {
  if (store_.save_result(session_.result)) {
    session_.saved_on_device = true;
    result_saved();
    return flash(t("results.kept"), false);
  }
  need_space([this] { return session_.saved_on_device = store_.save_result(session_.result); },
             app::RecordStore::kResult + session_.result.id);
}

void App::show_question(int pos) {
  session_.go_to(pos);
  session_.help_open = false;
  platform::close_text_overlay();
  session_.editing.clear();
  if (screen_ != Screen::Question) go(Screen::Question);
  scroll_body_to(0);
  announce_question();
  request_frame();
}

void App::save_and_exit() {
  answers_changed();
  const bool refused = flash_error_ && !flash_.empty();
  go(Screen::Home);
  if (refused) flash(t("storage.full"), true);
  else toast(t("survey.saved_exit_done"));
}

void App::announce_question() {
  if (!session_.survey || session_.pos < 0) return;
  const dr::Question& q = session_.survey->questions[size_t(session_.pos)];
  // Short: the title, then where it is. The options are the tree's radio buttons, read as the
  // person moves to them, not all at once on every tap.
  platform::announce(app::question_announcement(q, lang_, question_position(*this, q)));
}

// ---------------------------------------------------------------- helpers
std::string percent_text(std::optional<double> p) { return app::percent_words(p); }

std::string answer_text(const dr::Question& q, const dr::Value* v, const std::string& lang) {
  if (!v || !v->answered()) return {};
  if (q.choice()) {
    std::string out;
    auto add = [&](const std::string& value) {
      const dr::Option* o = q.find_option(value);
      out += (out.empty() ? "" : ", ") + (o ? o->label.get(lang) : value);
    };
    if (v->is_list()) {
      for (const auto& x : v->list()) add(x);
    } else {
      add(v->is_string() ? v->str() : dr::format_value(*v));
    }
    return out;
  }
  std::string s = dr::format_value(*v);
  if (!q.unit.empty()) s += " " + q.unit.get(lang);
  return s;
}

}  // namespace ui

#include "ui/app.hpp"

#include "app/locales.hpp"
#include "app/settings.hpp"
#include "app/speech.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
  }
  return "?";
}

void App::init() {
  for (const std::string& problem : app::add_locales(strings_, app::embedded_locales())) platform::error(problem);
  strings_.on_missing([](const std::string& m) { platform::log(m); });
  load_settings();
  strings_.set_language(lang_);
  theme::apply_style();

  platform::set_text_handler({
      [this](const std::string& id) {
        // The overlay now has the keyboard: key releases go to it, not to SDL, so forget held keys
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
    back_event_ = true;
    request_frame();
  });

  platform::set_test_hook([this] { return hook_state_json(*this); }, [] { return hook_widgets_json(); });
  organiser_init(*this);  // file import (picker, drag-and-drop) for the organiser review

  platform::request_surveys([this](std::vector<std::pair<std::string, std::string>> files) {
    on_surveys(std::move(files));
  });
}

void App::on_surveys(std::vector<std::pair<std::string, std::string>> files) {
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
  scroll_body_to(0);
  clear_flash();
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
  const float dpr = std::max(1.f, platform::device_pixel_ratio());
  const float px = large_text_ ? kLargePx : kBasePx;
  if (dpr != font_dpr_ || px != font_px_) {
    build_fonts(dpr, px);
    // On the first frame the renderer creates the texture itself (NewFrame); later, replace it.
    if (font_dpr_ != 0) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    font_dpr_ = dpr;
    font_px_ = px;
    for (const app::LocaleFile& f : app::embedded_locales()) glyph_check_ += f.json;
  }
  // Every character of the surveys and UI strings must be in the font (else it shows as '?'):
  // a console error, so the browser tests catch a survey or translation the font cannot show.
  if (!glyph_check_.empty()) {
    const std::string missing = missing_glyphs(glyph_check_);
    if (!missing.empty()) platform::error("the font has no glyph for " + missing);
    glyph_check_.clear();
  }
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
}

void App::end_screen() {
  ImGui::EndChild();
  ImGui::End();
}

bool App::back_pressed() const {
  return session_.editing.empty() && (back_event_ || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)));
}

void App::draw() {
  hook_begin_frame();
  // Back (Escape, or the phone's Back button) goes back, from anywhere but home.
  if (back_pressed()) {
    switch (screen_) {
      case Screen::Organiser:
        if (organiser_view_.detail >= 0) {  // a result opened from the list: back to the list
          organiser_view_.detail = -1;
          break;
        }
        go(Screen::Home);
        break;
      case Screen::Intro:
      case Screen::Results: go(Screen::Home); break;
      case Screen::Qr: go(Screen::Results); break;
      case Screen::Scan: go(Screen::Organiser); break;
      case Screen::Review:  // draw_review goes to the last question
      case Screen::Question:  // draw_question goes to the previous question
      case Screen::Home: break;
    }
  }
  switch (screen_) {
    case Screen::Home: draw_home(*this); break;
    case Screen::Intro: draw_intro(*this); break;
    case Screen::Question: draw_question(*this); break;
    case Screen::Review: draw_review(*this); break;
    case Screen::Results: draw_results(*this); break;
    case Screen::Organiser: draw_organiser(*this); break;
    case Screen::Qr: draw_qr(*this); break;
    case Screen::Scan: draw_scan(*this); break;
  }
  back_event_ = false;
  keyboard_tab_order();
}

void App::after_frame() {
  ++frames_;
  // The browser needs the text fields (its overlay) and whether Back leaves; tests read the rest
  // through the hook, which computes it only when asked.
  platform::frame_drawn(text_fields_json(), screen_ == Screen::Home);
  semantics_.publish(lang_);
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
  if (!session_.save_draft(store_, dr::now_iso8601())) flash(t("storage.full"), true);
  else if (flash_ == t("storage.full")) clear_flash();
  request_frame();
}

void App::finish_survey() {
  const bool kept = session_.finish(store_, dr::now_iso8601());
  enumerator_.add(session_.result);  // enumerator mode: the household just finished joins the batch
  go(Screen::Results);
  if (!kept) flash(t("storage.full"), true);
  std::string said;  // level, each area, the first advice: what "Nghe" reads too
  for (const std::string& line : result_speech(*this).lines) said += (said.empty() ? "" : ". ") + line;
  platform::announce(said);
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

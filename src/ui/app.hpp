// The app: screens, the survey being taken, what is kept on this device. Each screen is one draw
// function in its own file (screen_*.cpp); they read the core and change it only through its API.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/digiready.hpp"
#include "core/strings.hpp"
#include "imgui.h"
#include "app/back_route.hpp"
#include "app/locales.hpp"
#include "app/record_store.hpp"
#include "app/session.hpp"
#include "app/compare.hpp"
#include "app/enumerator_batch.hpp"
#include "app/free_space.hpp"
#include "app/review.hpp"
#include "app/result_qr.hpp"
#include "app/scan_session.hpp"
#include "platform/later_code.hpp"
#include "platform/platform.hpp"
#include "platform/bulk_web.hpp"
#include "platform/storage_web.hpp"
#include "ui/organiser.hpp"
#include "ui/semantics.hpp"

namespace ui {

enum class Screen { Home, Intro, Question, Review, Results, Organiser, Qr, Scan, Space };
const char* screen_name(Screen s);

// The survey being taken (its rules in app::Session) plus what only the screen needs.
struct Session : app::Session {
  bool help_open = false;
  std::string editing;           // question id whose text field has the overlay open
  bool submit_next = false;      // Enter closed the text field: press Next on the next frame
  int reveal_problem = 0;        // frames left to scroll the refused answer's message into view
  bool problem_in_view = false;  // the message was inside the visible body last frame (test hook)
  float review_scroll = 0;       // where the review page was, to come back there after an edit
};

class App {
 public:
  void init();
  bool wants_frame();      // something changed outside input (data arrived, a save finished)
  void before_frame();     // font atlas rebuilds happen here, between frames
  void draw();
  void after_frame();      // publishes state + widgets for the test hook
  // Once the first frame is on screen, outside any frame: the start's work that frame did not need
  // (the font atlas's other glyphs).
  void finish_start();
  ImVec4 background() const;

  // ---- shared by the screens ----
  const std::string& t(const char* key) const { return strings_.get(key); }
  const dr::Strings& strings() const { return strings_; }  // the words in the current language
  const std::string& lang() const { return lang_; }
  void set_lang(const std::string& lang);
  bool large_text() const { return large_text_; }
  void set_large_text(bool on);
  void go(Screen s);
  Screen screen() const { return screen_; }
  long long frames() const { return frames_; }  // drawn so far
  void request_frame() { frame_requested_ = true; }
  // Escape, or the phone's Back button, this frame (not while typing); where it goes is
  // app::BackRoute's decision, followed in draw().
  bool back_pressed() const;

  dr::SurveyCatalog& catalog() { return catalog_; }
  bool surveys_loaded() const { return surveys_loaded_; }
  const std::vector<std::string>& survey_errors() const { return survey_errors_; }
  app::RecordStore& store() { return store_; }
  Session& session() { return session_; }
  app::Review& review() { return review_; }
  app::EnumeratorBatch& enumerator() { return enumerator_; }
  app::Compare& compare() { return compare_; }
  OrganiserView& organiser_view() { return organiser_view_; }
  // The result on screen as a QR code (screen_qr.cpp), and the organiser's camera scan (screen_scan.cpp).
  void show_qr();                 // from the results screen: works out the code, keeps the screen on
  const app::ResultQr& qr() const { return qr_; }
  void start_scan();              // from the organiser's import page: opens the camera
  app::ScanSession& scan() { return scan_; }

  // Survey flow (screen_survey.cpp uses these; home starts and resumes).
  void start_survey(std::shared_ptr<const dr::Survey> s);  // by value: callers pass session().survey
  void resume(const app::RecordStore::Entry& draft);
  void open_result(const app::RecordStore::Entry& result);
  void answers_changed();      // saves the draft at once (nothing lost on reload or crash)
  // Drops the draft on screen for the kept one of the same survey and person.
  void switch_to_kept_draft(const app::RecordStore::Entry& kept);
  void finish_survey();        // complete, score, keep, show results
  void keep_result();          // keeps the result on screen (storage full: offers what to delete)
  void announce_question();
  // Puts question `pos` on screen (from Next, Back, the review page's edit): a fresh look, announced.
  void show_question(int pos);
  // "Lưu và thoát": the draft is kept (it is at every answer) and home says how to carry on.
  void save_and_exit();

  // Deleting and storage full (screen_space.cpp). A refused save opens the screen that offers what
  // to delete, then comes back here once `retry` went through.
  void need_space(std::function<bool()> retry, std::string saving);
  app::FreeSpace& free_space() { return free_space_; }
  Screen space_from() const { return space_from_; }
  void space_declined() { space_declined_ = true; }
  std::string& delete_armed() { return delete_armed_; }  // the record whose delete awaits a second tap
  void result_saved();  // the first saved result asks the browser to keep storage (once a run)

  // Transient message shown on the current screen (errors say what to do).
  void flash(std::string text, bool error) { flash_ = std::move(text); flash_error_ = error; }
  const std::string& flash_text() const { return flash_; }
  bool flash_is_error() const { return flash_error_; }
  void clear_flash() { flash_.clear(); }
  // A confirmation where the person is looking: just above the screen's action bar, until the next
  // tap or screen; said to screen readers too.
  void toast(std::string text);
  const std::string& toast_text() const { return toast_; }

  // Layout: a scrolling body above a fixed bar for the screen's actions (thumb reach).
  void begin_screen(int bottom_rows);
  void end_body();     // ends the scrolling part, starts the bottom bar
  void end_screen();
  // Puts the scrolling body at `y` (0 = top; go() does this for every new screen). Held for two
  // frames: ImGui applies a scroll at the next Begin, and a new screen's height is known a frame later.
  void scroll_body_to(float y) { scroll_y_ = y; scroll_frames_ = 2; }
  void keep_scroll() { scroll_frames_ = 0; }  // cancels a pending scroll_body_to

 private:
  void load_settings();
  void save_settings();
  void fit_fonts();  // builds the atlas the next frame needs, if it is not the one built
  void add_locales(std::vector<app::LocaleFile> files);  // reports a broken file
  void add_all_locales();  // those the start left at their names (init), once
  // Runs once the code after the first frame is in (the page hands the surveys over then).
  DR_LATER_CODE void on_surveys(std::vector<std::pair<std::string, std::string>> files);
  app::Place place() const;
  void follow_back(const app::BackStep& step);

  dr::Strings strings_;
  std::string lang_ = "vi";
  std::string start_lang_;    // the language the app started in: added in full by init
  bool all_locales_ = false;  // every language added in full (add_all_locales)
  bool large_text_ = false;
  float font_dpr_ = 0, font_px_ = 0;
  bool fonts_complete_ = false;  // every glyph, not only the first frame's (fit_fonts)
  std::string glyph_check_;  // survey texts to check against the font once it is built
  Screen screen_ = Screen::Home;
  bool frame_requested_ = true;
  int back_events_ = 0;  // presses of the phone's Back not yet followed: one per frame
  long long frames_ = 0;
  dr::SurveyCatalog catalog_;
  bool surveys_loaded_ = false;
  std::vector<std::string> survey_errors_;
  platform::LocalStorage local_storage_;
  app::RecordStore store_{local_storage_, [](const std::string& line) { platform::log(line); }};
  Session session_;
  platform::IndexedDbStore bulk_storage_;
  app::Review review_{catalog_, bulk_storage_, local_storage_, [] { return platform::now_ms(); }};
  app::EnumeratorBatch enumerator_;
  app::Compare compare_;
  OrganiserView organiser_view_;
  app::ResultQr qr_;
  app::ScanSession scan_;
  std::string flash_;
  bool flash_error_ = false;
  app::FreeSpace free_space_{store_};
  Screen space_from_ = Screen::Home;
  bool space_declined_ = false, persist_asked_ = false;
  std::string delete_armed_;
  std::string toast_;
  app::BackRoute back_route_;
  float bottom_h_ = 0, col_w_ = 0;
  float scroll_y_ = 0;
  int scroll_frames_ = 0;
  // The page's tree of nodes for screen readers; says so when read-aloud has no voice.
  SemanticsBridge semantics_{[this] { request_frame(); },
                             [this] {
                               flash(t("a11y.no_voice"), true);
                               request_frame();
                             }};
};

// Screens
void draw_home(App& app);
void draw_intro(App& app);
void draw_question(App& app);
void draw_review(App& app);
void draw_results(App& app);
void draw_organiser(App& app);
void draw_qr(App& app);
void draw_scan(App& app);
void draw_space(App& app);
// A delete button for the stored record `key`: the first tap asks, the second (same button) says
// true. The caller deletes.
bool delete_button(App& app, const std::string& widget_id, const std::string& key, const char* label_key = "delete.ask");
// The same under a draft or result in a list: deletes it (true: the list changed, stop walking it).
bool delete_from_list(App& app, const std::string& widget_id, const std::string& key);
// The organiser's import page: "Scan QR codes" (screen_scan.cpp).
void draw_scan_entry(App& app);

// Sending a result file (share.cpp): the phone's share sheet, else a download said in words.
void send_file(App& app, const std::string& name, const char* mime, const std::string& data);
// "Gửi kết quả" under a result kept on this phone (home).
void draw_send_kept(App& app, const dr::Result& r);

// Helpers shared by screens
std::string answer_text(const dr::Question& q, const dr::Value* v, const std::string& lang);
std::string percent_text(std::optional<double> p);
// "Câu n/N" for the question on screen, as the progress bar shows it (screen_survey.cpp).
std::string question_position(App& app, const dr::Question& q);
// A "Nghe" button that reads the result aloud (read_aloud.cpp); one line on the results screen.
void listen_to_results(App& app);
// What the result says aloud (and is announced when it appears): level, each area, first advice.
app::Speech result_speech(App& app);
// The message shown under question q now (typed text that is not a number/date, a broken rule, or a
// missing required answer once Next was pressed), or "".
std::string question_problem(App& app, const dr::Question& q);

}  // namespace ui

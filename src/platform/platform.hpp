// The one seam between the app and the browser: storage, download, clipboard, file import, the
// text-entry overlay, the screen-reader live region, DPI and the test hook. The UI calls only this;
// everything browser-specific lives in platform_web.cpp (and web/shell.js).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

// Called once at start-up, before the first frame.
void init();

// Device pixels per CSS pixel (ImGui works in CSS pixels; the font atlas is built at device pixels).
float device_pixel_ratio();

// Milliseconds since some fixed point (monotonic).
double now_ms();

// Minutes east of UTC of the device's time zone now (+420 in Vietnam): times in exports are local.
int utc_offset_minutes();

// Bytes of memory the app has (the wasm heap), for the organiser's scale report.
std::uint64_t heap_bytes();

// --- Storage (localStorage). set() returns false when the browser refuses (storage full). ---
std::string storage_get(std::string_view key);
bool storage_set(std::string_view key, std::string_view value);
void storage_remove(std::string_view key);
std::vector<std::string> storage_keys(std::string_view prefix);

// Asks the browser to keep this site's storage when the phone runs short of space (Storage API
// persist()), so saved results are not cleared without the person's say. The browser may refuse
// or decide silently: that is only logged (storage still works as before).
void ask_persistent_storage();

// --- Bulk storage (IndexedDB): lists of text chunks too big for localStorage (the organiser's
// imported results). Asynchronous: the callbacks run later, between frames. Where IndexedDB is
// missing or refuses, appends report false and reads give nothing. ---
void bulk_append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done);
void bulk_read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done);
void bulk_clear(std::string_view list);

// --- Files out: a download with this name, the clipboard ---
void download(std::string_view file_name, std::string_view mime, std::string_view data);
void copy_to_clipboard(std::string_view text);

// --- Spreadsheets: `workbook_json` (app::to_json) written as .xlsx by the writer module
// (digiready-xlsx.js), which the browser fetches on the first export only, then downloaded as
// `file_name`. `done` runs later, between frames, with "" or the problem ("load": the module could
// not be fetched, e.g. offline before it was ever cached). ---
void export_xlsx(std::string_view file_name, std::string_view workbook_json,
                 std::function<void(const std::string& problem)> done);

// --- Sharing: the phone's share sheet (Web Share API with files) with this file, so it can go by
// Zalo, Bluetooth or mail. Call from a tap (the browser allows it only shortly after one). Where the
// browser cannot share files it downloads the file instead and returns false: say so. A share that
// fails later (not cancelled by the person) downloads too. ---
bool share_file(std::string_view file_name, std::string_view mime, std::string_view data);

// --- Keep the screen on (Screen Wake Lock, where the browser has it) while a QR code is shown. ---
void keep_screen_on(bool on);

// --- Camera scan of QR codes (getUserMedia, rear camera; the browser's BarcodeDetector, else zbar
// in wasm fetched when the camera opens): a video over the canvas at the rectangle given (CSS px)
// each frame. `code` gets each text read (repeats included: the camera sees a code many times);
// `failed` why scanning cannot happen: "no_detector" (the QR reader could not load), "no_camera",
// "denied" (the person or the browser refused). ---
struct ScanEvents {
  std::function<void(const std::string& text)> code;
  std::function<void(const std::string& problem)> failed;
};
void start_scan(ScanEvents events);
void place_scan(float x, float y, float w, float h);
void stop_scan();
// A short buzz (where the phone can): a code was read.
void vibrate(int ms);

// --- Files in: the browser's file picker / drag-and-drop. Each file arrives through the handler. ---
// `limit`: the most bytes the file of this name may have; a bigger one is not read in but arrives
// through `unread` (so is one the app's memory could not take: `no_memory`).
struct ImportEvents {
  std::function<void(int count)> begin;
  std::function<void(const std::string& name, const std::string& text)> file;
  std::function<void()> end;
  std::function<std::size_t(const std::string& name)> limit;
  std::function<void(const std::string& name, std::size_t bytes, bool no_memory)> unread;
};
void set_import_handler(ImportEvents events);

// --- The phone's Back button / gesture (browser history): `back` is called instead of leaving the
// page, except on the home screen, where Back leaves as usual. ---
void set_back_handler(std::function<void()> back);
void open_file_picker();

// Bundled surveys (data files next to the app): name + text of each, once fetched.
void request_surveys(std::function<void(std::vector<std::pair<std::string, std::string>>)> done);

// --- Text entry overlay: a real HTML field placed over an ImGui field so the phone's keyboard and
// its Vietnamese input method work. The browser opens it on a tap on a widget of kind text/number
// (inside the gesture); the app learns of it through these. ---
struct TextEvents {
  std::function<void(const std::string& widget_id)> begin;
  std::function<void(const std::string& text)> input; // the whole current text, after each change
  // `enter`: closed by Enter in a one-line field (the keyboard's "Go"): the person wants to move on.
  std::function<void(const std::string& widget_id, bool enter)> end;
};
void set_text_handler(TextEvents events);
void open_text_overlay(std::string_view widget_id); // keyboard users (no gesture needed)
void close_text_overlay();

// --- WebGL context loss (tab in background, GPU reset): the app stops drawing on `lost` and
// rebuilds its GL objects on `restored`. Call once the context is current: it also turns on the
// WebGL extensions the renderer needs (again after a restore). ---
void watch_gl_context(std::function<void()> lost, std::function<void()> restored);
// Asks the context itself (in case a restore event was missed).
bool gl_context_is_lost();

// --- App updates: a newer build is installed and waiting (offline cache); switch to it (reloads). ---
bool update_ready();
void apply_update();

// --- Screen readers: text for the off-screen ARIA live region ---
void announce(std::string_view text);

// --- The semantics tree over the canvas (web/semantics.js) and read-aloud (speechSynthesis) ---
struct SemanticsEvents {
  std::function<void(const std::string& widget_id, bool reveal_only)> activate;  // a reader pressed / moved to it
  std::function<void()> no_voice;  // read-aloud found no voice for the language
};
void set_semantics_handler(SemanticsEvents events);
void publish_semantics(std::string_view records_json, std::string_view lang);
// Lines to speak, as web/semantics.js takes them (language, then line and mark, joined by U+001F).
void speak(std::string_view text);

// --- After each drawn frame: the text fields on screen (JSON records with id, rectangle, value,
// inputmode: where the browser places its overlay on a tap) and whether the phone's Back button
// leaves the app now (home) instead of going back inside it. ---
void frame_drawn(const std::string& text_fields_json, bool back_leaves);

// --- Test hook (window.digiready.state() / widgets()): computed only when a test asks. ---
void set_test_hook(std::function<std::string()> state_json, std::function<std::string()> widgets_json);

// A console line (shows in the browser console / stderr).
void log(std::string_view message);
// A console error: something is wrong with the build or its data (browser tests fail on these).
void error(std::string_view message);

}  // namespace platform

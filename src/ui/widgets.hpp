// Big, phone-friendly widgets on top of Dear ImGui. Each one records itself for the test hook
// (window.digiready.widgets()) with its label exactly as shown and its rectangle in CSS pixels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace ui {

// --- Theme: light, high contrast, sized for thumbs (all in CSS px) ---
namespace theme {
constexpr float kRow = 56;        // minimum height of a tappable row / button (≥ 48 CSS px)
constexpr float kGap = 12;        // space between tappable things
constexpr float kPad = 16;        // screen side padding
constexpr float kRounding = 10;
inline ImU32 ink() { return IM_COL32(16, 34, 58, 255); }
inline ImU32 muted() { return IM_COL32(64, 80, 102, 255); }
inline ImU32 primary() { return IM_COL32(11, 83, 148, 255); }
inline ImU32 primary_pressed() { return IM_COL32(7, 55, 99, 255); }
inline ImU32 surface() { return IM_COL32(255, 255, 255, 255); }
inline ImU32 page() { return IM_COL32(247, 249, 252, 255); }
inline ImU32 border() { return IM_COL32(120, 138, 160, 255); }
inline ImU32 selected_fill() { return IM_COL32(222, 235, 250, 255); }
inline ImU32 error() { return IM_COL32(163, 0, 0, 255); }
inline ImU32 error_fill() { return IM_COL32(253, 236, 236, 255); }
inline ImU32 good() { return IM_COL32(20, 110, 50, 255); }
inline ImU32 track() { return IM_COL32(213, 221, 232, 255); }
void apply_style();
}  // namespace theme

// --- Test hook: what was interactive in the last frame ---
struct WidgetRecord {
  std::string id, label, kind;  // kind: button, option, checkbox, toggle, text, number, link, row;
                                // text blocks: paragraph, heading, alert, status
  float x = 0, y = 0, w = 0, h = 0;
  bool enabled = true;
  int checked = -1;   // -1: not applicable, 0/1
  std::string value;  // text fields: the current text
  std::string inputmode;  // text fields: text / numeric / decimal
  bool multiline = false;
  bool focused = false;  // has the keyboard focus
  bool shown = true;     // inside its scrolling region now (the hook lists only these; the
                         // semantics tree has all, so a screen reader reaches what is scrolled out)
  bool invalid = false;  // text fields: the answer was refused (its message is the next "alert")
};
// Appends `s` as a JSON string literal (quoted, escaped) — for the hook's JSON.
void append_json_string(std::string& out, const std::string& s);
void hook_begin_frame();
void hook_record(WidgetRecord r);
std::string hook_widgets_json();  // for tests only: computed when a test asks
// The text fields on screen (the same records): where the browser places its text overlay.
std::string text_fields_json();
// Every record of the frame, text blocks included (kinds paragraph, heading, alert, status), for
// the browser's semantics tree (web/semantics.js): the same records as widgets(), so the tree
// cannot drift from what is drawn.
std::string semantics_json();
// A screen reader activated the widget `id`: the next frame presses it as a tap would.
void activate_widget(const std::string& id);
// True once when `id` was activated: widgets drawn outside this file (the organiser's table rows)
// add `|| take_activation(id)` to their own press, as hit_area() does.
bool take_activation(const std::string& id);
// A screen reader moved to the widget `id`: the next frame scrolls it into view if it is out.
void reveal_widget(const std::string& id);
// Widgets are recorded only where visible in their scrolling region (so taps land on them).
void hook_set_clip(float y0, float y1);

// --- Fonts ---
enum class FontRole { Body, Title, Small };
ImFont* font(FontRole role);
// (Re)builds the atlas for the device pixel ratio and base text size; call between frames. With
// `only_letters` (first,last code point pairs ending in 0), the atlas holds ASCII and those only (the
// first frame's words), else every glyph the app may draw.
void build_fonts(float dpr, float base_px, const unsigned short* only_letters = nullptr);

// Characters of `utf8` that the font cannot draw (they would show as '?'), as "U+XXXX ..."; "" if none.
std::string missing_glyphs(std::string_view utf8);

// --- Widgets ---
enum class ButtonStyle { Primary, Secondary, Quiet, Danger };
// A full-width (width < 0) or fixed-width button, at least kRow high.
bool button(const char* id, const std::string& label, ButtonStyle style = ButtonStyle::Secondary,
            float width = -1, bool enabled = true);
// A whole-row option (radio or checkbox look); returns true when tapped.
bool option_row(const char* id, const std::string& label, bool selected, bool multi, const std::string& detail = {});
// A card that leads somewhere: title, a muted detail line, an arrow. Returns true when tapped.
bool card(const char* id, const std::string& title, const std::string& detail);
// A tappable field showing `value` (or a grey placeholder). The browser places a real input over it
// when tapped; kind "number" opens the numeric keyboard.
bool text_field(const char* id, const std::string& label, const std::string& value, const std::string& placeholder,
                const char* inputmode, bool multiline, bool editing, bool has_error);
// Wrapped text in a colour and font.
void text(const std::string& s, ImU32 color = theme::ink(), FontRole role = FontRole::Body);
// A message box (error or info) with an icon-free coloured bar; words say what to do.
void message_box(const std::string& s, bool is_error);
// The height message_box(s) takes in a column `width` wide (to make room for it before drawing).
float message_box_height(const std::string& s, float width);
// Horizontal bar: fraction [0,1], optional caption to its right.
// `caption_w` > 0 keeps that much room for the caption whatever its text, so bars drawn one under
// another share one scale (before/after).
void bar(float fraction, float height, ImU32 fill, const std::string& caption = {}, float caption_w = 0);
// A scale of `of` steps with the first `n` filled: where a level is among the survey's levels.
void steps(int n, int of, float height, float width);
// Two-or-more segment switch (e.g. Tiếng Việt | English). Returns the index tapped, or -1.
// `direction` marks the current segment's order: +1 ascending, -1 descending, 0 no mark.
// `first`: the index of labels[0] (a strip in rows: ids and the index returned go on from it).
int segmented(const char* id, const std::vector<std::string>& labels, int current, int direction = 0, int first = 0);
void spacing(float px);
void separator();

// Tab / Shift+Tab move the keyboard focus through the frame's widgets in the order they were drawn
// (ImGui 1.86 tabs only between text inputs). Call once at the end of the frame.
void keyboard_tab_order();

// Drag-to-scroll for the current window (ImGui 1.86 has none: ocornut/imgui#3379). Call at the end of
// a scrolling child; a drag beyond a small threshold scrolls and cancels the tap.
void touch_scroll();

}  // namespace ui

#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"

extern const unsigned char dr_font_ttf[];
extern const unsigned int dr_font_ttf_size;

namespace ui {

// ---------------------------------------------------------------- theme
void theme::apply_style() {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowPadding = ImVec2(kPad, kPad);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  s.FramePadding = ImVec2(12, 10);
  s.FrameRounding = kRounding;
  s.ItemSpacing = ImVec2(kGap, kGap);
  s.ScrollbarSize = 10;
  s.ScrollbarRounding = 5;
  s.TouchExtraPadding = ImVec2(0, 0);
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImColor(page());
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImColor(ink());
  c[ImGuiCol_TextDisabled] = ImColor(muted());
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImColor(border());
  c[ImGuiCol_NavHighlight] = ImColor(IM_COL32(230, 120, 0, 255));
}

// ---------------------------------------------------------------- hook
namespace {
std::vector<WidgetRecord> g_widgets;
// Every interactive widget of the frame in drawing order, visible or not, for Tab.
struct Focusable {
  ImGuiID id;
  ImGuiWindow* window;
  ImRect rect;
};
std::vector<Focusable> g_focusables;
float g_clip_y0 = -1e9f, g_clip_y1 = 1e9f;
// A widget a screen reader activated between frames: pressed by the next frame, then forgotten.
std::string g_activate;
std::string g_reveal;  // the same for scrolling a widget into view

}  // namespace

void append_json_string(std::string& out, const std::string& s) {
  out.push_back('"');
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", ch);
          out += buf;
        } else {
          out.push_back(char(ch));
        }
    }
  }
  out.push_back('"');
}

namespace {

// A record of the last item: its rectangle clipped to the current scrolling region; one scrolled
// out keeps its whole rectangle and is marked not shown.
WidgetRecord rect_record(const std::string& id, const std::string& label, const char* kind) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float y0 = std::max({a.y, w->ClipRect.Min.y, g_clip_y0});
  const float y1 = std::min({b.y, w->ClipRect.Max.y, g_clip_y1});
  WidgetRecord r;
  r.id = id;
  r.label = label;
  r.kind = kind;
  r.shown = y1 - y0 >= 8;
  r.x = a.x;
  r.y = r.shown ? y0 : a.y;
  r.w = b.x - a.x;
  r.h = r.shown ? y1 - y0 : b.y - a.y;
  return r;
}

// Records the last item (interactive).
void record_item(const char* id, const std::string& label, const char* kind, bool enabled, int checked = -1,
                 const std::string& value = {}, const char* inputmode = nullptr, bool multiline = false,
                 bool invalid = false) {
  if (enabled)
    g_focusables.push_back({ImGui::GetItemID(), ImGui::GetCurrentWindow(),
                            ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())});
  WidgetRecord r = rect_record(id, label, kind);
  r.invalid = invalid;
  if (!g_reveal.empty() && g_reveal == r.id) {
    g_reveal.clear();
    if (!r.shown)
      ImGui::ScrollToBringRectIntoView(ImGui::GetCurrentWindow(), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
  }
  r.enabled = enabled;
  r.checked = checked;
  r.value = value;
  if (inputmode) r.inputmode = inputmode;
  r.multiline = multiline;
  r.focused = ImGui::IsItemFocused() && !ImGui::GetCurrentContext()->NavDisableHighlight;
  g_widgets.push_back(std::move(r));
}

// Height of `s` wrapped to `width` in the current font.
ImVec2 text_size(const std::string& s, float width) {
  return ImGui::CalcTextSize(s.c_str(), s.c_str() + s.size(), false, width);
}

// Enter on the focused item counts as a tap (ImGui 1.86 activates buttons with Space only).
bool nav_enter() {
  return ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
}

// The tappable area every widget is built on: an invisible button of w x h at the cursor. A tap, or
// Enter while it has the keyboard focus, presses it.
struct Hit {
  bool pressed = false, held = false;
  ImRect bb;
};
Hit hit_area(const char* id, float w, float h, bool enabled = true) {
  Hit r;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  r.bb = ImRect(p, ImVec2(p.x + w, p.y + h));
  ImGui::PushID(id);
  if (!enabled) ImGui::BeginDisabled();
  r.pressed = ImGui::InvisibleButton("##hit", ImVec2(w, h)) || nav_enter();
  if (!enabled) ImGui::EndDisabled();
  if (take_activation(id) && enabled) r.pressed = true;
  r.held = ImGui::IsItemActive();
  ImGui::PopID();
  return r;
}

void draw_text(ImDrawList* dl, ImVec2 pos, ImU32 col, const std::string& s, float wrap) {
  dl->AddText(nullptr, 0, pos, col, s.c_str(), s.c_str() + s.size(), wrap);
}
}  // namespace

void hook_begin_frame() {
  g_widgets.clear();
  g_focusables.clear();
  g_clip_y0 = -1e9f;
  g_clip_y1 = 1e9f;
}
void hook_record(WidgetRecord r) { g_widgets.push_back(std::move(r)); }
void activate_widget(const std::string& id) { g_activate = id; }
bool take_activation(const std::string& id) {
  if (g_activate.empty() || g_activate != id) return false;
  g_activate.clear();
  return true;
}
void reveal_widget(const std::string& id) { g_reveal = id; }
void hook_set_clip(float y0, float y1) {
  g_clip_y0 = y0;
  g_clip_y1 = y1;
}

namespace {
enum class Records { Widgets, TextFields, All };

// The records as a JSON array: the interactive ones on screen (the hook), just the text fields (what
// the browser's overlay needs), or all of them (the semantics tree).
std::string records_json(Records which) {
  std::string out = "[";
  char num[160];
  for (const WidgetRecord& r : g_widgets) {
    const bool text = r.kind == "text" || r.kind == "number";
    if (which == Records::TextFields && !text) continue;
    if (which != Records::All && (!r.shown || r.id.empty())) continue;  // text blocks have no id
    if (out.size() > 1) out.push_back(',');
    out += "{\"id\":";
    append_json_string(out, r.id);
    out += ",\"label\":";
    append_json_string(out, r.label);
    out += ",\"kind\":";
    append_json_string(out, r.kind);
    std::snprintf(num, sizeof num, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"enabled\":%s", r.x, r.y, r.w, r.h,
                  r.enabled ? "true" : "false");
    out += num;
    if (r.checked >= 0) out += r.checked ? ",\"checked\":true" : ",\"checked\":false";
    if (r.focused) out += ",\"focused\":true";
    if (which == Records::All && !r.shown) out += ",\"shown\":false";
    if (r.invalid) out += ",\"invalid\":true";
    if (text) {
      out += ",\"value\":";
      append_json_string(out, r.value);
      out += ",\"inputmode\":";
      append_json_string(out, r.inputmode);
      out += r.multiline ? ",\"multiline\":true" : ",\"multiline\":false";
    }
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}
}  // namespace

std::string hook_widgets_json() { return records_json(Records::Widgets); }
std::string text_fields_json() { return records_json(Records::TextFields); }
std::string semantics_json() {
  g_reveal.clear();
  g_activate.clear();  // drawn: an activation of a widget no longer on screen must not fire later
  return records_json(Records::All);
}

// ---------------------------------------------------------------- fonts
namespace {
ImFont* g_fonts[3] = {nullptr, nullptr, nullptr};
ImVector<ImWchar> g_ranges;

const ImWchar* glyph_ranges() {
  if (!g_ranges.empty()) return g_ranges.Data;
  ImFontGlyphRangesBuilder b;
  // ASCII and the Vietnamese letters, nothing more: fewer glyphs, a smaller font and a faster atlas
  // (ImGui's Vietnamese ranges lack dashes and quotes). Keep in step with FONT_UNICODES in cmake/web.cmake.
  static const ImWchar base[] = {0x0020, 0x007E, 0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169,
                                 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0, 0x1EF9, 0};
  b.AddRanges(base);
  b.AddText("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý°·×–—‘’“”•…₫");
  b.BuildRanges(&g_ranges);
  return g_ranges.Data;
}

// ASCII and `letters` (pairs ending in 0): rasterising only these saves a third of the atlas's work
// before the first frame. The atlas sets each glyph once, so the ranges may overlap.
ImVector<ImWchar> g_first_ranges;
const ImWchar* glyph_ranges_with(const unsigned short* letters) {
  g_first_ranges.clear();
  g_first_ranges.push_back(0x0020);
  g_first_ranges.push_back(0x007E);
  for (const unsigned short* l = letters; *l; ++l) g_first_ranges.push_back(ImWchar(*l));
  g_first_ranges.push_back(0);
  return g_first_ranges.Data;
}
}  // namespace

ImFont* font(FontRole role) { return g_fonts[int(role)]; }

void build_fonts(float dpr, float base_px, const unsigned short* only_letters) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The atlas keeps pointing at its ranges until it is built again.
  const ImWchar* ranges = only_letters ? glyph_ranges_with(only_letters) : glyph_ranges();
  const float sizes[3] = {base_px, std::round(base_px * 1.4f), std::round(base_px * 0.85f)};
  for (int i = 0; i < 3; ++i) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the TTF lives in the wasm's data section
    cfg.OversampleH = 1;               // rasterised at device pixels already: no need to oversample
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    g_fonts[i] = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(dr_font_ttf), int(dr_font_ttf_size),
                                                sizes[i] * dpr, &cfg, ranges);
  }
  // Glyphs are rasterised at device pixels and drawn at 1/dpr: crisp at any devicePixelRatio.
  io.FontGlobalScale = 1.0f / dpr;
  io.FontDefault = g_fonts[0];
  io.Fonts->Build();
}

std::string missing_glyphs(std::string_view utf8) {
  std::string out;
  ImFont* f = font(FontRole::Body);
  if (!f) return out;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  ImVector<unsigned int> seen;
  while (p < end) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    if (c < 0x80 || c == '\n' || f->FindGlyphNoFallback(ImWchar(c)) || seen.contains(c)) continue;
    seen.push_back(c);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ", c);
    out += buf;
  }
  return out;
}

// ---------------------------------------------------------------- widgets
void spacing(float px) { ImGui::Dummy(ImVec2(1, px)); }

void separator() {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + w, p.y), theme::track(), 2);
  ImGui::Dummy(ImVec2(w, 2));
}

void text(const std::string& s, ImU32 color, FontRole role) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
  // Titles are headings for screen readers. Text blocks need no id: the tree knows them by their words.
  g_widgets.push_back(rect_record({}, s, role == FontRole::Title ? "heading" : "paragraph"));
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

namespace {
constexpr float kBoxPad = 12;
}  // namespace

float message_box_height(const std::string& s, float width) {
  return text_size(s, width - 2 * kBoxPad - 6).y + 2 * kBoxPad;
}

void message_box(const std::string& s, bool is_error) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = kBoxPad;
  ImVec2 ts = text_size(s, w - 2 * pad - 6);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ts.y + 2 * pad;
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), is_error ? theme::error_fill() : theme::selected_fill(), 8);
  dl->AddRectFilled(p, ImVec2(p.x + 6, p.y + h), is_error ? theme::error() : theme::primary(), 8,
                    ImDrawFlags_RoundCornersLeft);
  draw_text(dl, ImVec2(p.x + 6 + pad, p.y + pad), is_error ? theme::error() : theme::ink(), s, w - 2 * pad - 6);
  ImGui::Dummy(ImVec2(w, h));
  g_widgets.push_back(rect_record({}, s, is_error ? "alert" : "status"));
}

bool button(const char* id, const std::string& label, ButtonStyle style, float width, bool enabled) {
  const float w = width < 0 ? ImGui::GetContentRegionAvail().x : width;
  const float pad = 14;
  ImVec2 ts = text_size(label, w - 2 * pad);
  const float h = std::max(theme::kRow, ts.y + 2 * pad);
  const Hit hit = hit_area(id, w, h, enabled);
  const ImVec2 p = hit.bb.Min;
  const ImRect bb = hit.bb;
  const bool pressed = hit.pressed;
  const bool held = hit.held;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 fill = theme::surface(), ink = theme::primary(), edge = theme::primary();
  switch (style) {
    case ButtonStyle::Primary:
      fill = held ? theme::primary_pressed() : theme::primary();
      ink = IM_COL32_WHITE;
      break;
    case ButtonStyle::Secondary:
      fill = held ? theme::selected_fill() : theme::surface();
      break;
    case ButtonStyle::Quiet:
      fill = held ? theme::selected_fill() : IM_COL32(0, 0, 0, 0);
      edge = IM_COL32(0, 0, 0, 0);
      break;
    case ButtonStyle::Danger:
      fill = held ? theme::error_fill() : theme::surface();
      ink = edge = theme::error();
      break;
  }
  if (!enabled) {
    fill = theme::track();
    ink = theme::muted();
    edge = theme::track();
  }
  dl->AddRectFilled(bb.Min, bb.Max, fill, theme::kRounding);
  if ((edge >> IM_COL32_A_SHIFT) != 0) dl->AddRect(bb.Min, bb.Max, edge, theme::kRounding, 0, 2);
  // Centre each wrapped line: measure the block, then draw centred when it is a single line.
  const float tx = ts.x < w - 2 * pad ? p.x + (w - ts.x) * 0.5f : p.x + pad;
  draw_text(dl, ImVec2(tx, p.y + (h - ts.y) * 0.5f), ink, label, w - 2 * pad);
  ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
  record_item(id, label, "button", enabled);
  return pressed && enabled;
}

bool option_row(const char* id, const std::string& label, bool selected, bool multi, const std::string& detail) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 14, mark = 26;
  const float text_w = w - 3 * pad - mark;
  ImVec2 ts = text_size(label, text_w);
  ImVec2 ds(0, 0);
  if (!detail.empty()) {
    ImGui::PushFont(font(FontRole::Small));
    ds = text_size(detail, text_w);
    ImGui::PopFont();
  }
  const float content_h = ts.y + (detail.empty() ? 0 : ds.y + 4);
  const float h = std::max(theme::kRow, content_h + 2 * pad);
  const Hit hit = hit_area(id, w, h);
  const ImVec2 p = hit.bb.Min;
  const ImRect bb = hit.bb;
  const bool pressed = hit.pressed;
  const bool held = hit.held;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, selected || held ? theme::selected_fill() : theme::surface(), theme::kRounding);
  dl->AddRect(bb.Min, bb.Max, selected ? theme::primary() : theme::border(), theme::kRounding, 0, selected ? 3.f : 1.5f);
  // The mark: a radio circle or a check box, filled when chosen.
  ImVec2 c(p.x + pad + mark * 0.5f, p.y + h * 0.5f);
  if (multi) {
    ImVec2 a(c.x - mark * 0.5f, c.y - mark * 0.5f), b(c.x + mark * 0.5f, c.y + mark * 0.5f);
    if (selected) {
      dl->AddRectFilled(a, b, theme::primary(), 5);
      const ImVec2 pts[3] = {ImVec2(a.x + 6, c.y), ImVec2(c.x - 2, b.y - 7), ImVec2(b.x - 5, a.y + 6)};
      dl->AddPolyline(pts, 3, IM_COL32_WHITE, 0, 3.5f);
    } else {
      dl->AddRect(a, b, theme::border(), 5, 0, 2.5f);
    }
  } else {
    dl->AddCircle(c, mark * 0.5f, selected ? theme::primary() : theme::border(), 24, 2.5f);
    if (selected) dl->AddCircleFilled(c, mark * 0.5f - 6, theme::primary(), 24);
  }
  const float tx = p.x + 2 * pad + mark;
  const float ty = p.y + (h - content_h) * 0.5f;
  draw_text(dl, ImVec2(tx, ty), theme::ink(), label, text_w);
  if (!detail.empty()) {
    ImGui::PushFont(font(FontRole::Small));
    draw_text(dl, ImVec2(tx, ty + ts.y + 4), theme::muted(), detail, text_w);
    ImGui::PopFont();
  }
  ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
  record_item(id, label, multi ? "checkbox" : "option", true, selected ? 1 : 0);
  return pressed;
}

bool card(const char* id, const std::string& title, const std::string& detail) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 14, arrow = 22;
  const float text_w = w - 3 * pad - arrow;
  ImVec2 ts = text_size(title, text_w);
  ImGui::PushFont(font(FontRole::Small));
  ImVec2 ds = detail.empty() ? ImVec2(0, 0) : text_size(detail, text_w);
  ImGui::PopFont();
  const float content_h = ts.y + (detail.empty() ? 0 : ds.y + 4);
  const float h = std::max(theme::kRow, content_h + 2 * pad);
  const Hit hit = hit_area(id, w, h);
  const ImVec2 p = hit.bb.Min;
  const ImRect bb = hit.bb;
  const bool pressed = hit.pressed;
  const bool held = hit.held;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, held ? theme::selected_fill() : theme::surface(), theme::kRounding);
  dl->AddRect(bb.Min, bb.Max, theme::border(), theme::kRounding, 0, 1.5f);
  const float ty = p.y + (h - content_h) * 0.5f;
  draw_text(dl, ImVec2(p.x + pad, ty), theme::primary(), title, text_w);
  if (!detail.empty()) {
    ImGui::PushFont(font(FontRole::Small));
    draw_text(dl, ImVec2(p.x + pad, ty + ts.y + 4), theme::muted(), detail, text_w);
    ImGui::PopFont();
  }
  // A chevron: "this leads somewhere".
  const float cx = p.x + w - pad - arrow * 0.5f, cy = p.y + h * 0.5f;
  const ImVec2 pts[3] = {ImVec2(cx - 4, cy - 9), ImVec2(cx + 5, cy), ImVec2(cx - 4, cy + 9)};
  dl->AddPolyline(pts, 3, theme::primary(), 0, 3.f);
  ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
  record_item(id, detail.empty() ? title : title + "\n" + detail, "button", true);
  return pressed;
}

bool text_field(const char* id, const std::string& label, const std::string& value, const std::string& placeholder,
                const char* inputmode, bool multiline, bool editing, bool has_error) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 12;
  const std::string& shown = value.empty() ? placeholder : value;
  ImVec2 ts = text_size(shown, w - 2 * pad);
  const float min_h = multiline ? theme::kRow * 2.5f : theme::kRow;
  const float h = std::max(min_h, ts.y + 2 * pad);
  const Hit hit = hit_area(id, w, h);
  const ImVec2 p = hit.bb.Min;
  const ImRect bb = hit.bb;
  const bool pressed = hit.pressed;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(bb.Min, bb.Max, theme::surface(), 8);
  ImU32 edge = has_error ? theme::error() : editing ? theme::primary() : theme::border();
  dl->AddRect(bb.Min, bb.Max, edge, 8, 0, editing || has_error ? 3.f : 2.f);
  draw_text(dl, ImVec2(p.x + pad, p.y + (multiline ? pad : (h - ts.y) * 0.5f)),
            value.empty() ? theme::muted() : theme::ink(), shown, w - 2 * pad);
  ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
  const bool numeric = inputmode && std::string(inputmode) != "text";
  record_item(id, label, numeric ? "number" : "text", true, -1, value, inputmode, multiline, has_error);
  return pressed;
}

void bar(float fraction, float height, ImU32 fill, const std::string& caption, float caption_w) {
  fraction = std::clamp(fraction, 0.f, 1.f);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float text_w = caption.empty() ? 0 : ImGui::CalcTextSize(caption.c_str()).x + theme::kGap;
  const float cap_w = caption_w > 0 ? std::max(caption_w, text_w) : text_w;
  const float w = avail - cap_w;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = std::max(height, ImGui::GetFontSize());
  const float y = p.y + (line_h - height) * 0.5f;
  dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + height), theme::track(), height * 0.5f);
  if (fraction > 0)
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + std::max(height, w * fraction), y + height), fill, height * 0.5f);
  if (!caption.empty())
    dl->AddText(ImVec2(p.x + w + theme::kGap, p.y + (line_h - ImGui::GetFontSize()) * 0.5f), theme::ink(),
                caption.c_str());
  ImGui::Dummy(ImVec2(avail, line_h));
}

void steps(int n, int of, float height, float width) {
  if (of <= 0) return;
  const float avail = width, gap = 6;
  const float w = (avail - gap * float(of - 1)) / float(of);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < of; ++i) {
    const float x = p.x + float(i) * (w + gap);
    dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + height), i < n ? theme::primary() : theme::track(), height * 0.5f);
  }
  ImGui::Dummy(ImVec2(avail, height));
}

int segmented(const char* id, const std::vector<std::string>& labels, int current, int direction, int first) {

  int hit = -1;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = 8;
  const float w = (avail - gap * float(labels.size() - 1)) / float(labels.size());
  ImGui::PushID(id);
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) ImGui::SameLine(0, gap);
    ImVec2 p = ImGui::GetCursorScreenPos();
    const int index = first + int(i);
    ImGui::PushID(index);
    const std::string wid = std::string(id) + "." + std::to_string(index);
    const bool pressed = ImGui::InvisibleButton("##s", ImVec2(w, theme::kRow)) || nav_enter() || take_activation(wid);
    ImGui::PopID();
    const bool on = index == current;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImRect bb(p, ImVec2(p.x + w, p.y + theme::kRow));
    dl->AddRectFilled(bb.Min, bb.Max, on ? theme::primary() : theme::surface(), theme::kRounding);
    dl->AddRect(bb.Min, bb.Max, theme::primary(), theme::kRounding, 0, 2);
    ImVec2 ts = ImGui::CalcTextSize(labels[i].c_str());
    dl->AddText(ImVec2(p.x + (w - ts.x) * 0.5f, p.y + (theme::kRow - ts.y) * 0.5f),
                on ? IM_COL32_WHITE : theme::primary(), labels[i].c_str());
    if (on && direction) {  // a small triangle (the font has no arrows)
      const float x = bb.Max.x - 16, y = (bb.Min.y + bb.Max.y) * 0.5f;
      if (direction > 0) dl->AddTriangleFilled(ImVec2(x - 6, y + 4), ImVec2(x + 6, y + 4), ImVec2(x, y - 5), IM_COL32_WHITE);
      else dl->AddTriangleFilled(ImVec2(x - 6, y - 4), ImVec2(x + 6, y - 4), ImVec2(x, y + 5), IM_COL32_WHITE);
    }
    ImGui::RenderNavHighlight(bb, ImGui::GetItemID());
    record_item(wid.c_str(), labels[i], "toggle", true, on ? 1 : 0);
    if (pressed) hit = index;
  }
  ImGui::PopID();
  return hit;
}

void keyboard_tab_order() {
  ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab)) || g_focusables.empty()) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  int at = -1;
  for (size_t i = 0; i < g_focusables.size(); ++i)
    if (g_focusables[i].id == g.NavId) at = int(i);
  const int n = int(g_focusables.size());
  const int next = at < 0 ? (io.KeyShift ? n - 1 : 0) : (at + (io.KeyShift ? n - 1 : 1)) % n;
  const Focusable& f = g_focusables[size_t(next)];
  ImGui::SetFocusID(f.id, f.window);
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = g.NavMousePosDirty = true;
  ImGui::ScrollToBringRectIntoView(f.window, f.rect);
}

void touch_scroll() {
  // One drag at a time, tracked by the window it started in.
  static ImGuiID s_window = 0;
  static float s_start_y = 0, s_start_scroll = 0;
  static bool s_dragging = false;
  ImGuiIO& io = ImGui::GetIO();
  ImGuiWindow* win = ImGui::GetCurrentWindow();
  if (ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    s_window = win->ID;
    s_start_y = io.MousePos.y;
    s_start_scroll = ImGui::GetScrollY();
    s_dragging = false;
  }
  if (s_window != win->ID) return;
  if (ImGui::IsMouseDown(0)) {
    const float dy = io.MousePos.y - s_start_y;
    if (!s_dragging && std::fabs(dy) > 10.f) {
      s_dragging = true;
      ImGui::ClearActiveID();  // a drag is not a tap: the row under the finger must not fire
    }
    if (s_dragging) ImGui::SetScrollY(std::clamp(s_start_scroll - dy, 0.f, ImGui::GetScrollMaxY()));
  } else {
    s_window = 0;
    s_dragging = false;
  }
}

}  // namespace ui

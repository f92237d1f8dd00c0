// Entry point: the page's canvas and its WebGL context, Dear ImGui, and a main loop that draws only
// on demand. The app itself is ui::App; browser specifics are behind src/platform (the canvas's
// events: page_input.hpp, in place of SDL2).
#include <GLES2/gl2.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "app/input_pacing.hpp"
#include "platform/page_input.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"

namespace {

struct Loop {
  platform::PageInput* page = nullptr;
  ui::App* app = nullptr;
  int wake_frames = 2;          // frames still to draw after the last input or change
  double last_draw_ms = 0;
  double last_frame_ms = 0;     // for ImGui's DeltaTime
  bool context_lost = false;
  bool context_restored = false;
  bool idle_timing = false;     // main loop slowed down while nothing happens
  bool started = false;         // the first frame was drawn
  app::InputPacing pacing;
  std::vector<platform::PageEvent> waiting;  // arrived, not yet handed to ImGui
};
Loop g;

// Nothing changes on screen by itself, so an idle page redraws only this often (battery).
constexpr double kIdleRedrawMs = 2000;
// ImGui needs a few frames after an input to settle hover/active/layout.
constexpr int kSettleFrames = 3;

// What ImGui keeps of one event besides the pointer (paced_pointer): keys, the wheel, focus.
void hand_to_imgui(const platform::PageEvent& e) {
  ImGuiIO& io = ImGui::GetIO();
  using Page = platform::PageEvent::Kind;
  switch (e.kind) {
    case Page::KeyDown:
    case Page::KeyUp:
      io.KeysDown[e.key] = e.kind == Page::KeyDown;
      io.KeyShift = e.shift;
      io.KeyCtrl = e.ctrl;
      io.KeyAlt = e.alt;
      io.KeySuper = e.super;
      break;
    case Page::Wheel:
      io.MouseWheel += e.wheel_y;
      io.MouseWheelH += e.wheel_x;
      break;
    case Page::Focus:
    case Page::Blur: io.AddFocusEvent(e.kind == Page::Focus); break;
    default: break;
  }
}

// Hands ImGui this frame's share of the events that arrived (app/input_pacing.hpp): ImGui 1.86 has
// no input queue, so on a slow phone a tap, a flick or a key could otherwise be lost or mistaken.
bool pump_events() {
  g.page->take(g.waiting);
  const size_t n = g.pacing.take(g.waiting);
  for (size_t i = 0; i < n; ++i) hand_to_imgui(g.waiting[i]);
  g.waiting.erase(g.waiting.begin(), g.waiting.begin() + long(n));
  return n > 0 || !g.waiting.empty();
}

// What ImGui's platform backend did each frame: the window's size, the time, the cursor.
void page_new_frame() {
  ImGuiIO& io = ImGui::GetIO();
  g.page->fit();
  io.DisplaySize = ImVec2(g.page->width(), g.page->height());
  io.DisplayFramebufferScale = ImVec2(g.page->scale(), g.page->scale());
  const double now = platform::now_ms();
  io.DeltaTime = g.last_frame_ms > 0 && now > g.last_frame_ms ? float((now - g.last_frame_ms) / 1000) : 1.f / 60;
  g.last_frame_ms = now;
  switch (ImGui::GetMouseCursor()) {
    case ImGuiMouseCursor_TextInput: g.page->set_cursor("text"); break;
    case ImGuiMouseCursor_Hand: g.page->set_cursor("pointer"); break;
    case ImGuiMouseCursor_None: g.page->set_cursor("none"); break;
    default: g.page->set_cursor("default"); break;
  }
}

// The frame must see the pointer where the events it was given left it.
void paced_pointer() {
  ImGuiIO& io = ImGui::GetIO();
  const app::PointerState& p = g.pacing.pointer();
  io.MousePos = p.known ? ImVec2(p.x, p.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (int i = 0; i < 3; ++i) io.MouseDown[i] = p.down[i];
}

void frame() {
  bool input = pump_events();
  if (g.context_lost && !g.context_restored) {
    if (platform::gl_context_is_lost()) return;
    g.context_restored = true;  // back, though no event said so
  }
  if (g.context_restored) {
    // Every GL object died with the context: rebuild the renderer's (shaders, buffers, font texture).
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 100");
    g.context_lost = g.context_restored = false;
    input = true;
  }
  const double now = platform::now_ms();
  if (input || g.app->wants_frame()) g.wake_frames = kSettleFrames;
  if (g.wake_frames <= 0 && now - g.last_draw_ms < kIdleRedrawMs) {
    // Idle: poll less often. Input is picked up within 50 ms (events queue in PageInput meanwhile).
    if (!g.idle_timing && now - g.last_draw_ms > 500) {
      emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 50);
      g.idle_timing = true;
    }
    return;
  }
  if (g.idle_timing) {
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
    g.idle_timing = false;
  }
  if (g.wake_frames > 0) --g.wake_frames;
  g.last_draw_ms = now;

  g.app->before_frame();  // may rebuild the font atlas (DPR or text size changed)
  ImGui_ImplOpenGL3_NewFrame();
  page_new_frame();
  paced_pointer();
  ImGui::NewFrame();
  g.app->draw();
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = g.app->background();
  glClearColor(bg.x, bg.y, bg.z, bg.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  g.app->after_frame();
  if (!g.started) {
    // What the first frame did not need is done in a task of its own, so that frame reaches the
    // screen first (and while the code after it downloads: later_code.js).
    g.started = true;
    emscripten_async_call([](void*) { g.app->finish_start(); }, nullptr, 0);
  }
}

// ImGui 1.86 finds keys by index into io.KeysDown: the DOM's keyCode here (page_input.hpp).
void map_keys(ImGuiIO& io) {
  const struct { ImGuiKey key; int code; } map[] = {
      {ImGuiKey_Tab, 9},       {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
      {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},   {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
      {ImGuiKey_End, 35},      {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
      {ImGuiKey_Space, 32},    {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
      {ImGuiKey_A, 65},        {ImGuiKey_C, 67},         {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
      {ImGuiKey_Y, 89},        {ImGuiKey_Z, 90}};
  for (const auto& m : map) io.KeyMap[m.key] = m.code;
}

}  // namespace

int main() {
  platform::init();
  // The page made the WebGL context while the wasm downloaded, with its attributes (web/shell.js,
  // makeGL): -sGL_PREINITIALIZED_CONTEXT hands that one over here.
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (gl <= 0 || emscripten_webgl_make_context_current(gl) != EMSCRIPTEN_RESULT_SUCCESS) {
    platform::log("WebGL context failed");
    return 1;
  }
  // Keys go to the canvas only, so typing into the text overlay never drives ImGui navigation.
  static platform::PageInput page("#canvas");
  g.page = &page;
  platform::watch_gl_context([] { g.context_lost = true; }, [] { g.context_restored = true; });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a saved file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "digiready_page";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  map_keys(io);
  ImGui_ImplOpenGL3_Init("#version 100");

  static ui::App app;
  g.app = &app;
  app.init();
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}

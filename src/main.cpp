// Entry point: SDL2 window + WebGL context, Dear ImGui, and a main loop that draws only on demand.
// The app itself is ui::App; browser specifics are behind src/platform.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>

#include <cfloat>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "app/input_pacing.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"

namespace {

struct Loop {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  ui::App* app = nullptr;
  int wake_frames = 2;          // frames still to draw after the last input or change
  double last_draw_ms = 0;
  bool context_lost = false;
  bool context_restored = false;
  bool idle_timing = false;     // main loop slowed down while nothing happens
  bool started = false;         // the first frame was drawn
  app::InputPacing pacing;
  std::vector<SDL_Event> waiting;             // arrived, not yet handed to ImGui
  std::vector<app::InputEvent> waiting_paced; // the same, as the pacing sees them
};
Loop g;

// Nothing changes on screen by itself, so an idle page redraws only this often (battery).
constexpr double kIdleRedrawMs = 2000;
// ImGui needs a few frames after an input to settle hover/active/layout.
constexpr int kSettleFrames = 3;

// An SDL event as the pacing sees it (app/input_pacing.hpp).
app::InputEvent pacing_event(const SDL_Event& e) {
  using Kind = app::InputEvent::Kind;
  app::InputEvent p;
  switch (e.type) {
    case SDL_MOUSEMOTION: p = {Kind::PointerMove, float(e.motion.x), float(e.motion.y)}; break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      const int b = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1
                  : e.button.button == SDL_BUTTON_MIDDLE ? 2 : -1;
      if (b < 0) break;
      p = {e.type == SDL_MOUSEBUTTONDOWN ? Kind::PointerDown : Kind::PointerUp, float(e.button.x), float(e.button.y), b};
      break;
    }
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) p.kind = Kind::PointerLeave;
      break;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
      p.kind = e.type == SDL_KEYDOWN ? Kind::KeyDown : Kind::KeyUp;
      p.key = e.key.keysym.scancode;
      break;
    default: break;
  }
  return p;
}

// Hands ImGui this frame's share of the events that arrived (app/input_pacing.hpp): ImGui 1.86 has
// no input queue, so on a slow phone a tap, a flick or a key could otherwise be lost or mistaken.
bool pump_events() {
  SDL_Event ev;
  while (SDL_PollEvent(&ev)) {
    g.waiting.push_back(ev);
    g.waiting_paced.push_back(pacing_event(ev));
  }
  const size_t n = g.pacing.take(g.waiting_paced);
  for (size_t i = 0; i < n; ++i) ImGui_ImplSDL2_ProcessEvent(&g.waiting[i]);
  g.waiting.erase(g.waiting.begin(), g.waiting.begin() + long(n));
  g.waiting_paced.erase(g.waiting_paced.begin(), g.waiting_paced.begin() + long(n));
  return n > 0 || !g.waiting.empty();
}

// The backend reads where the pointer is now from SDL; the frame must see it where the events it
// was given left it.
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
    // Idle: poll less often. Input is picked up within 50 ms (events queue in SDL meanwhile).
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
  ImGui_ImplSDL2_NewFrame();
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

}  // namespace

int main() {
  platform::init();
  // Keys go to the canvas only, so typing into the text overlay never drives ImGui navigation.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    platform::log(std::string("SDL_Init failed: ") + SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // RESIZABLE: the canvas follows the page size (and orientation); ALLOW_HIGHDPI: device pixels.
  g.window = SDL_CreateWindow("Sẵn sàng số · DigiReady", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 412, 915,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!g.window) {
    platform::log(std::string("SDL_CreateWindow failed: ") + SDL_GetError());
    return 1;
  }
  g.gl = SDL_GL_CreateContext(g.window);
  if (!g.gl) {
    platform::log(std::string("WebGL context failed: ") + SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(g.window, g.gl);
  platform::watch_gl_context([] { g.context_lost = true; }, [] { g.context_restored = true; });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a saved file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(g.window, g.gl);
  ImGui_ImplOpenGL3_Init("#version 100");

  static ui::App app;
  g.app = &app;
  app.init();
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}

// The page's canvas as ImGui's window: its size in CSS pixels and device pixels, and the pointer,
// touch, wheel, key and focus events that reach it, straight from the browser (Emscripten's html5
// API). This replaced SDL2 and ImGui's SDL backend, which the app used only for these and which cost
// ~22 KB brotli before the first frame (docs/size.md). Events are queued as they arrive (inside the
// browser's handlers) and handed to ImGui by src/main.cpp, paced one step per frame.
#pragma once
#include <vector>

#include "app/input_pacing.hpp"

namespace platform {

// The canvas's events are the pacing's (app/input_pacing.hpp): x, y in CSS pixels from its top left,
// `button` 0 left (or a finger), 1 right, 2 middle; `key` the DOM keyCode (below kKeyCount).
using PageEvent = app::InputEvent;

class PageInput {
 public:
  static constexpr int kKeyCount = 512;  // ImGui 1.86's io.KeysDown[]

  // Listens on the canvas (`selector`, e.g. "#canvas"; keys only while it has the focus, so typing
  // in the page's text overlay never drives the app) and on the window (size, focus). One at a time.
  explicit PageInput(const char* selector);
  ~PageInput();
  PageInput(const PageInput&) = delete;
  PageInput& operator=(const PageInput&) = delete;

  // Moves the events that arrived since the last call to the end of `out`.
  void take(std::vector<PageEvent>& out);

  // After the page changed size or zoom, keeps the canvas's drawing buffer at its CSS size times
  // the device pixel ratio. Call before each frame; cheap when nothing changed.
  void fit();
  float width() const { return width_; }    // CSS pixels
  float height() const { return height_; }
  float scale() const { return scale_; }    // device pixels per CSS pixel in the drawing buffer

  // The pointer's look over the canvas (a CSS cursor name: "default", "text", "pointer"...).
  void set_cursor(const char* css_cursor);

  struct Handlers;  // the browser's event handlers (page_input_web.cpp)

 private:
  friend struct Handlers;
  void push(const PageEvent& e) { events_.push_back(e); }
  const char* selector_;
  std::vector<PageEvent> events_;
  bool resized_ = true;
  float width_ = 0, height_ = 0, scale_ = 1;
  const char* cursor_ = "";
  long finger_ = -1;  // the touch followed as the pointer (the first finger down), or -1
};

}  // namespace platform

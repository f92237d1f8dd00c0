// The page's canvas as ImGui's window: its size in CSS pixels and device pixels, and the pointer,
// touch, wheel, key and focus events that reach it, straight from the browser (Emscripten's html5
// API). This replaced SDL2 and ImGui's SDL backend, which the app used only for these and which cost
// ~22 KB brotli before the first frame (docs/size.md). Events are queued as they arrive (inside the
// browser's handlers) and handed to ImGui by src/main.cpp, paced one step per frame.
#pragma once
#include <vector>

namespace platform {

struct PageEvent {
  // Redraw: the page changed size, zoom or visibility (what is on screen must be drawn again, and
  // where widgets are changed: a tap right after a turn of the phone must land on the new layout).
  enum class Kind { PointerMove, PointerDown, PointerUp, PointerLeave, KeyDown, KeyUp, Wheel, Focus, Blur, Redraw };
  Kind kind = Kind::PointerMove;
  float x = 0, y = 0;  // pointer events: CSS pixels from the canvas's top left
  int button = 0;      // PointerDown/Up: 0 left (or a finger), 1 right, 2 middle
  int key = 0;         // KeyDown/Up: the DOM keyCode (below kKeyCount)
  bool shift = false, ctrl = false, alt = false, super = false;  // KeyDown/Up: modifiers held
  float wheel_x = 0, wheel_y = 0;  // Wheel: one step each way, as ImGui counts them (+y: up)
};

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

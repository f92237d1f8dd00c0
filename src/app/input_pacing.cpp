#include "app/input_pacing.hpp"

#include <algorithm>

namespace app {

namespace {
using Kind = InputEvent::Kind;

// What this frame has taken so far, which decides whether the next event waits.
struct Frame {
  bool buttons_changed = false;
  bool pressed = false;
  bool dragged = false;
  std::vector<int> keys_pressed;
};

bool waits(const InputEvent& e, const Frame& f) {
  switch (e.kind) {
    case Kind::PointerDown: return f.buttons_changed;
    case Kind::PointerUp: return f.buttons_changed || f.dragged;
    case Kind::PointerMove:
    case Kind::PointerLeave: return f.pressed;
    case Kind::KeyUp: return std::find(f.keys_pressed.begin(), f.keys_pressed.end(), e.key) != f.keys_pressed.end();
    case Kind::KeyDown:
    case Kind::Wheel:
    case Kind::Focus:
    case Kind::Blur:
    case Kind::Redraw:
    case Kind::Other: return false;
  }
  return false;
}
}  // namespace

void InputPacing::apply(const InputEvent& e) {
  switch (e.kind) {
    case Kind::PointerMove:
    case Kind::PointerDown:
    case Kind::PointerUp:
      pointer_.known = true;
      pointer_.x = e.x;
      pointer_.y = e.y;
      if (e.kind != Kind::PointerMove && e.button >= 0 && e.button < 3) pointer_.down[e.button] = e.kind == Kind::PointerDown;
      break;
    case Kind::PointerLeave: pointer_.known = false; break;
    default: break;
  }
}

size_t InputPacing::take(const std::vector<InputEvent>& waiting) {
  Frame f;
  size_t n = 0;
  for (; n < waiting.size(); ++n) {
    const InputEvent& e = waiting[n];
    if (waits(e, f)) break;
    const bool any_down = std::any_of(std::begin(pointer_.down), std::end(pointer_.down), [](bool d) { return d; });
    if (e.kind == Kind::PointerMove && any_down) f.dragged = true;
    if (e.kind == Kind::PointerDown || e.kind == Kind::PointerUp) f.buttons_changed = true;
    if (e.kind == Kind::PointerDown) f.pressed = true;
    if (e.kind == Kind::KeyDown) f.keys_pressed.push_back(e.key);
    apply(e);
  }
  return n;
}

}  // namespace app

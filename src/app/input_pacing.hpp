// Input for Dear ImGui 1.86, one step per frame. ImGui 1.86 reads the pointer and the keys once per
// frame as a state (down or not, where); its queue of input events came only in 1.87. When a slow
// phone delivers several events between two frames, the state alone tells another story: a flick
// (down, moves, up) looks like a tap where it ended, and a key pressed and released is missed.
// InputPacing gives each frame the events that keep the story true and keeps the rest, in order,
// for the next frames:
//  - the pointer's buttons change at most once per frame;
//  - after a press, the pointer stays where it was pressed until the next frame (the press lands on
//    what was under the finger, and a drag starts from there);
//  - a release after a move with the button down waits (the drag is seen before it ends);
//  - a key released in the frame it was pressed waits for the next frame.
// An event after one that waits waits too. Plain data, no browser or ImGui: the page's events come
// as these (platform/page_input.hpp) and src/main.cpp hands the ones taken to ImGui.
#pragma once
#include <cstddef>
#include <vector>

namespace app {

struct InputEvent {
  // Wheel, Focus, Blur, Redraw and Other never wait. Redraw: the page changed size, zoom or
  // visibility (what is on screen must be drawn again: a tap right after the phone turned must land
  // on the new layout).
  enum class Kind { PointerMove, PointerDown, PointerUp, PointerLeave, KeyDown, KeyUp, Wheel, Focus, Blur, Redraw, Other };
  Kind kind = Kind::Other;
  float x = 0, y = 0;  // PointerMove, PointerDown, PointerUp: where, in the window's coordinates
  int button = 0;      // PointerDown, PointerUp: 0 left, 1 right, 2 middle
  int key = 0;         // KeyDown, KeyUp: which key
  bool shift = false, ctrl = false, alt = false, super = false;  // KeyDown, KeyUp: modifiers held
  float wheel_x = 0, wheel_y = 0;  // Wheel: one step each way, as ImGui counts them (+y: up)
};

// The pointer as the frame should see it.
struct PointerState {
  bool known = false;  // false: not over the page (before the first event, after it left)
  float x = 0, y = 0;
  bool down[3] = {false, false, false};
};

class InputPacing {
 public:
  // `waiting`: the events not taken yet, oldest first. Returns how many of the first ones this
  // frame takes (the caller hands those on and keeps the rest for the next call).
  size_t take(const std::vector<InputEvent>& waiting);
  const PointerState& pointer() const { return pointer_; }

 private:
  void apply(const InputEvent& e);
  PointerState pointer_;
};

}  // namespace app

// ImGui 1.86 sees one pointer state per frame: what a slow phone sends between two frames is given
// to it frame by frame so that a tap stays a tap, a flick stays a scroll and no key is lost.
#include "app/input_pacing.hpp"

#include <gtest/gtest.h>

namespace {

using app::InputEvent;
using Kind = InputEvent::Kind;

InputEvent move(float x, float y) { return {Kind::PointerMove, x, y}; }
InputEvent down(float x, float y) { return {Kind::PointerDown, x, y, 0}; }
InputEvent up(float x, float y) { return {Kind::PointerUp, x, y, 0}; }
InputEvent key(Kind k, int code) { return {k, 0, 0, 0, code}; }

// One frame: what it takes, and the pointer it sees.
struct Seen {
  size_t taken;
  float x, y;
  bool down;
};

// Runs frames until every event is taken, as src/main.cpp does.
std::vector<Seen> frames(std::vector<InputEvent> events) {
  app::InputPacing pacing;
  std::vector<Seen> out;
  while (!events.empty() && out.size() < 20) {
    const size_t n = pacing.take(events);
    events.erase(events.begin(), events.begin() + long(n));
    const app::PointerState& p = pacing.pointer();
    out.push_back({n, p.x, p.y, p.down[0]});
  }
  return out;
}

TEST(InputPacing, ATapBetweenTwoFramesIsPressedWhereTheFingerWasThenReleased) {
  const auto f = frames({move(100, 700), down(100, 700), up(100, 700)});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].taken, 2u);
  EXPECT_TRUE(f[0].down);
  EXPECT_EQ(f[0].y, 700);
  EXPECT_EQ(f[1].taken, 1u);
  EXPECT_FALSE(f[1].down);
}

TEST(InputPacing, AFlickBetweenTwoFramesIsAPressWhereItBeganADragThenARelease) {
  // Down on a row at y 600, up at y 400 on another: never a press on the row at 400.
  const auto f = frames({move(206, 600), down(206, 600), move(206, 500), move(206, 400), up(206, 400)});
  ASSERT_EQ(f.size(), 3u);
  EXPECT_TRUE(f[0].down);
  EXPECT_EQ(f[0].y, 600) << "pressed where the finger came down";
  EXPECT_TRUE(f[1].down);
  EXPECT_EQ(f[1].y, 400) << "dragged with the button still down";
  EXPECT_EQ(f[1].taken, 2u);
  EXPECT_FALSE(f[2].down);
}

TEST(InputPacing, TwoTapsBetweenTwoFramesAreTwoTaps) {
  const auto f = frames({down(10, 10), up(10, 10), down(50, 50), up(50, 50)});
  ASSERT_EQ(f.size(), 4u);
  EXPECT_TRUE(f[0].down);
  EXPECT_FALSE(f[1].down);
  EXPECT_TRUE(f[2].down);
  EXPECT_EQ(f[2].x, 50);
  EXPECT_FALSE(f[3].down);
}

TEST(InputPacing, MovesWithoutAButtonAndOtherEventsGoTogether) {
  const auto f = frames({move(1, 1), InputEvent{}, move(2, 2), move(3, 3)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].taken, 4u);
  EXPECT_EQ(f[0].x, 3);
}

TEST(InputPacing, AKeyPressedAndReleasedBetweenTwoFramesIsDownForOneFrame) {
  const int enter = 40, tab = 43;
  const auto f = frames({key(Kind::KeyDown, enter), key(Kind::KeyUp, enter), key(Kind::KeyDown, tab)});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].taken, 1u);
  EXPECT_EQ(f[1].taken, 2u) << "the release, then what came after it, in order";
  // A key held from an earlier frame is released at once.
  app::InputPacing p;
  EXPECT_EQ(p.take({key(Kind::KeyDown, tab)}), 1u);
  EXPECT_EQ(p.take({key(Kind::KeyUp, tab), key(Kind::KeyDown, enter)}), 2u);
}

TEST(InputPacing, EventsAfterOneThatWaitsWaitToo) {
  app::InputPacing p;
  EXPECT_EQ(p.take({down(5, 5), up(5, 5), key(Kind::KeyDown, 40), move(9, 9)}), 1u);
  EXPECT_TRUE(p.pointer().down[0]);
  EXPECT_EQ(p.pointer().x, 5);
}

TEST(InputPacing, ThePointerLeavingWaitsForTheFrameAfterAPress) {
  app::InputPacing p;
  EXPECT_FALSE(p.pointer().known);
  EXPECT_EQ(p.take({down(5, 5), InputEvent{Kind::PointerLeave}}), 1u);
  EXPECT_TRUE(p.pointer().known);
  EXPECT_EQ(p.take({InputEvent{Kind::PointerLeave}}), 1u);
  EXPECT_FALSE(p.pointer().known);
}

}  // namespace

// Back never leaves the app by accident: where it goes from each place, pressed again and again.
#include "app/back_route.hpp"

#include "app_test_util.hpp"

namespace {

using app::BackStep;
using app::Place;
using To = BackStep::To;

struct BackRouteTest : ::testing::Test {
  std::shared_ptr<const dr::Survey> s = apt::mini();
  app::Session ss;
  app::BackRoute route;
  void SetUp() override { ss.start(s, "vi", "2026-11-01T08:00:00Z"); }
  int at(const char* id) const { return s->find(id)->index; }
};

TEST_F(BackRouteTest, BackTwiceInARowInASurveyWalksBackQuestionByQuestionThenToTheIntro) {
  ss.answers["has_phone"] = "no";  // phone_use and confidence are hidden
  ss.go_to(at("hours"));
  BackStep b = route.press(Place::Question, ss);
  ASSERT_EQ(b.to, To::Question);
  EXPECT_EQ(b.pos, at("has_phone")) << "hidden questions are skipped";
  ss.go_to(b.pos);
  b = route.press(Place::Question, ss);
  EXPECT_EQ(b.pos, at("age"));
  ss.go_to(at("household_code"));
  EXPECT_EQ(route.press(Place::Question, ss).to, To::Intro);
  EXPECT_EQ(route.press(Place::Intro, ss).to, To::Home);
  EXPECT_FALSE(route.next_leaves(Place::Question));
}

TEST_F(BackRouteTest, OnHomeTheFirstBackWarnsTheSecondLeavesATapInBetweenStartsOver) {
  EXPECT_FALSE(route.next_leaves(Place::Home));
  EXPECT_EQ(route.press(Place::Home, ss).to, To::WarnLeaving);
  EXPECT_TRUE(route.next_leaves(Place::Home));
  EXPECT_EQ(route.press(Place::Home, ss).to, To::Leave);
  route.other_input();
  EXPECT_FALSE(route.next_leaves(Place::Home));
  EXPECT_EQ(route.press(Place::Home, ss).to, To::WarnLeaving);
  // Back elsewhere in between (results -> home) also starts over.
  route.press(Place::Results, ss);
  EXPECT_FALSE(route.next_leaves(Place::Home));
}

TEST_F(BackRouteTest, EveryOtherScreenGoesToTheOneItCameFrom) {
  ss.answers["has_phone"] = "no";
  const BackStep review = route.press(Place::Review, ss);
  EXPECT_EQ(review.to, To::Question);
  EXPECT_EQ(review.pos, at("dob")) << "the last visible question";
  EXPECT_EQ(route.press(Place::Results, ss).to, To::Home);
  EXPECT_EQ(route.press(Place::Qr, ss).to, To::Results);
  EXPECT_EQ(route.press(Place::Scan, ss).to, To::Organiser);
  EXPECT_EQ(route.press(Place::OrganiserDetail, ss).to, To::OrganiserList);
  EXPECT_EQ(route.press(Place::Organiser, ss).to, To::Home);
  // Storage full: the screen itself answers Back by leaving without saving; the route moves nowhere.
  EXPECT_EQ(route.press(Place::Space, ss).to, To::Stay);
}

}  // namespace

// Where Back goes — the phone's Back button or Escape — from each place in the app, so Back never
// leaves the app by accident: inside a survey it walks back question by question to the intro, other
// screens go to the one they came from, and on home the first Back only warns ("press Back again to
// leave"); the next one, with nothing else done in between, leaves. The page keeps two history entries
// as guards and asks next_leaves() whether to let a Back through (web/shell.js).
#pragma once
#include "app/session.hpp"

namespace app {

// Space: storage full, offering what to delete; its own Back means "leave without saving".
enum class Place { Home, Intro, Question, Review, Results, Organiser, OrganiserDetail, Qr, Scan, Space };

struct BackStep {
  enum class To { Home, Intro, Question, Results, Organiser, OrganiserList, WarnLeaving, Leave, Stay };
  To to = To::Home;
  int pos = -1;  // To::Question: the question to show
};

class BackRoute {
 public:
  // Back was pressed at `at`; `session` is the survey being taken (Question, Review).
  BackStep press(Place at, const Session& session);
  // Whether the next Back leaves the app: on home, once it warned.
  bool next_leaves(Place at) const { return at == Place::Home && warned_; }
  // The person did something else (a tap, another screen): the warning no longer holds.
  void other_input() { warned_ = false; }

 private:
  bool warned_ = false;
};

// The Back button drawn on a question: the previous visible question, else the intro.
BackStep back_from_question(const Session& session);

}  // namespace app

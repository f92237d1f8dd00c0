#include "app/back_route.hpp"

namespace app {

namespace {
BackStep to_question_or_intro(int pos) {
  if (pos < 0) return {BackStep::To::Intro, -1};
  return {BackStep::To::Question, pos};
}
}  // namespace

BackStep back_from_question(const Session& session) {
  return to_question_or_intro(session.step(session.pos, -1));
}

BackStep BackRoute::press(Place at, const Session& session) {
  using To = BackStep::To;
  if (at != Place::Home) warned_ = false;
  switch (at) {
    case Place::Home:
      if (warned_) return {To::Leave, -1};
      warned_ = true;
      return {To::WarnLeaving, -1};
    case Place::Question: return back_from_question(session);
    case Place::Review: return to_question_or_intro(session.last());
    case Place::OrganiserDetail: return {To::OrganiserList, -1};
    case Place::Qr: return {To::Results, -1};
    case Place::Scan: return {To::Organiser, -1};
    case Place::Space: return {To::Stay, -1};  // the screen answers Back itself (leave unsaved)
    case Place::Intro:
    case Place::Results:
    case Place::Organiser: return {To::Home, -1};
  }
  return {To::Home, -1};
}

}  // namespace app

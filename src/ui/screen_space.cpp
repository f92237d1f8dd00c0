// Deleting a record, and the storage-full screen: a save was refused, so the person is shown, in
// words, what may be deleted (results already sent or downloaded first) and each deletion is
// followed by the save tried again; once it goes through, back to where they were.
#include <string>

#include "app/respondent.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

bool delete_button(App& app, const std::string& widget_id, const std::string& key, const char* label_key) {
  std::string& armed = app.delete_armed();
  const bool asking = armed == key;  // a slip of the thumb deletes nothing: the same button twice
  if (!button(widget_id.c_str(), app.t(asking ? "delete.confirm" : label_key),
               asking ? ButtonStyle::Danger : ButtonStyle::Quiet))
    return false;
  if (!asking) {
    armed = key;
    return false;
  }
  armed.clear();
  return true;
}

bool delete_from_list(App& app, const std::string& widget_id, const std::string& key) {
  if (!delete_button(app, widget_id, key)) return false;
  app.store().remove(key);
  app.flash(app.t("delete.done"), false);
  app.request_frame();
  return true;
}

namespace {

// "Kết quả · Mã hộ · 2026-11-23 · đã gửi": enough to tell one household's record from another's.
std::string describe(App& app, const app::RecordStore::Entry& e, bool draft) {
  std::string line = app.t(draft ? "space.draft" : "space.result") + ": " + e.result.survey->title.get(app.lang());
  const std::string who = app::respondent(e.result);
  if (!who.empty()) line += " · " + who;
  const std::string& when = draft ? e.result.updated : e.result.completed;
  if (when.size() >= 10) line += " · " + when.substr(0, 10);
  if (e.sent) line += " · " + app.t("space.sent");
  return line;
}

void saved_now(App& app) {
  app.go(app.space_from());
  app.flash(app.t("space.saved"), false);
}

}  // namespace

void draw_space(App& app) {
  app::FreeSpace& room = app.free_space();
  if (!room.waiting()) return app.go(app.space_from());  // nothing waits (reached by Back twice)
  app.begin_screen(1);
  text(app.t("space.title"), theme::error(), FontRole::Title);
  text(app.t("space.why"));
  if (!app.flash_text().empty()) message_box(app.flash_text(), app.flash_is_error());
  bool saved = false;
  const auto offer = room.offer();
  if (offer.empty()) message_box(app.t("space.none"), true);
  for (const app::RecordStore::Entry* e : offer) {
    const bool draft = e->key.rfind(app::RecordStore::kDraft, 0) == 0;
    spacing(4);
    text(describe(app, *e, draft), theme::ink(), FontRole::Small);
    if (delete_button(app, "space.delete." + e->result.id, e->key)) {
      saved = room.remove(e->key);
      if (!saved) app.flash(app.t("space.still_full"), true);
      app.request_frame();
      break;  // the list just changed under this loop
    }
  }
  spacing(8);
  if (button("space.leave", app.t("space.leave"), ButtonStyle::Quiet) || app.back_pressed()) {
    room.give_up();
    app.space_declined();
    app.go(app.space_from());
    app.flash(app.t("storage.full"), true);
  }
  app.end_body();
  if (button("space.retry", app.t("space.retry"), ButtonStyle::Primary)) {
    saved = room.retry();
    if (!saved) app.flash(app.t("space.still_full"), true);
  }
  app.end_screen();
  if (saved) saved_now(app);
}

}  // namespace ui

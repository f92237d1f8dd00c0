// Sending a result file off the phone: the phone's share sheet (Zalo, Messenger, Bluetooth,
// e-mail) where the browser can share files, else a plain download, and then the words say where
// the file went (the person would otherwise look for a share sheet that never opened).
#include <string>

#include "app/export_names.hpp"
#include "app/respondent.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

void send_file(App& app, const std::string& name, const char* mime, const std::string& data) {
  if (platform::share_file(name, mime, data)) return;
  app.toast(app.t("results.share_downloaded"));  // just above the button pressed, in view
}

void draw_send_kept(App& app, const dr::Result& r) {
  const std::string id = "home.share." + r.id;
  // Whose result it sends, in the words too: the buttons under a list of results otherwise all read
  // the same to a screen reader.
  const std::string who = app::respondent(r);
  const std::string label = who.empty() ? app.t("results.share") : app.t("results.share") + " · " + who;
  if (button(id.c_str(), label, ButtonStyle::Quiet)) {
    app.store().mark_sent(r.id);  // sent first in the list storage-full offers for deletion
    send_file(app, app::result_file_name(r), "application/json", dr::result_to_json(r));
  }
}

}  // namespace ui

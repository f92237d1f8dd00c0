// Sending a result file off the phone: the phone's share sheet (Zalo, Messenger, Bluetooth,
// e-mail) where the browser can share files, else a plain download, and then the words say where
// the file went (the person would otherwise look for a share sheet that never opened).
#include <string>

#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
std::string profile_value(const dr::Result& r, const char* key) {
  auto it = r.profile.find(key);
  return it != r.profile.end() && it->second.is_string() ? it->second.str() : std::string();
}
}  // namespace

std::string result_file_name(const dr::Result& r) {
  std::string who = file_part(profile_value(r, "household_code"));
  if (who.empty()) who = file_part(profile_value(r, "business_name"));
  std::string name = r.survey_id;
  if (!who.empty()) name += "_" + who;
  const std::string& when = r.completed.empty() ? r.updated : r.completed;
  if (when.size() >= 10) name += "_" + when.substr(0, 10);
  return name + ".json";
}

void send_file(App& app, const std::string& name, const char* mime, const std::string& data) {
  if (platform::share_file(name, mime, data)) return;
  app.flash(app.t("results.share_downloaded"), false);
  app.scroll_body_to(0);  // the words are at the top
}

void draw_send_kept(App& app, const dr::Result& r) {
  const std::string id = "home.share." + r.id;
  if (button(id.c_str(), app.t("results.share"), ButtonStyle::Quiet))
    send_file(app, result_file_name(r), "application/json", dr::result_to_json(r));
}

}  // namespace ui

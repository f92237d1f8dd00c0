// The organiser's camera scan: phones showing their result's QR code are scanned one after another;
// each code read goes to the import exactly like a file (app::Review), counted once, with a buzz.
// Where there is no camera, it is refused, or the browser cannot read QR codes, the words say so and
// point to the file import.
#include <algorithm>
#include <string>

#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

void App::start_scan() {
  scan_.reset();
  review_.begin_import(0);  // the scanned codes are one batch: its summary counts them
  go(Screen::Scan);
  platform::start_scan({
      [this](const std::string& text) {
        if (!scan_.take(text)) return;
        review_.queue.expect(1);
        review_.add_file(scan_.name(), text);
        platform::vibrate(80);
        platform::announce(dr::format(t("scan.count"), {std::to_string(scan_.count())}));
        request_frame();
      },
      [this](const std::string& problem) {
        scan_.problem = problem;
        const std::string key = "scan." + problem;
        platform::announce(t(key.c_str()) + " " + t("scan.use_files"));
        request_frame();
      },
  });
}

void draw_scan_entry(App& app) {
  if (button("org.scan", app.t("scan.open"), ButtonStyle::Secondary)) app.start_scan();
}

void draw_scan(App& app) {
  app::ScanSession& scan = app.scan();
  app.begin_screen(1);
  text(app.t("scan.title"), theme::primary(), FontRole::Title);
  // The running count first: in view above the camera's picture, whatever the phone's height.
  text(dr::format(app.t("scan.count"), {std::to_string(scan.count())}), theme::good(), FontRole::Title);
  if (!scan.problem.empty()) {
    const std::string key = "scan." + scan.problem;
    message_box(app.t(key.c_str()), true);
    text(app.t("scan.use_files"), theme::ink());
    platform::place_scan(0, 0, 0, 0);
  } else {
    text(app.t("scan.hint"), theme::muted());
    // Room for the camera's picture: the browser puts the video over this rectangle.
    const float w = ImGui::GetContentRegionAvail().x, h = std::min(w, 360.f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(0, 0, 0, 255));
    ImGui::Dummy(ImVec2(w, h));
    platform::place_scan(p.x, p.y, w, h);
  }
  app.end_body();
  if (button("scan.close", app.t("scan.close"), ButtonStyle::Primary)) app.go(Screen::Organiser);
  app.end_screen();
}

}  // namespace ui

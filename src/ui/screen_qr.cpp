// "Show QR code": the result on screen as one QR code (its compact text) for the digital team's
// phone to scan, with the screen kept on. Modules are whole device pixels, so the code is crisp at
// any pixel ratio and a scanner sees clean edges.
#include <algorithm>
#include <cmath>

#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr float kTargetCss = 300;  // side of the code with its quiet zone, CSS px (fits a 360 px phone)

// Draws the matrix centred at the cursor, with its light quiet zone; returns the side drawn (CSS px).
float draw_matrix(const dr::QrMatrix& m) {
  const float dpr = std::max(1.f, platform::device_pixel_ratio());
  const float avail = ImGui::GetContentRegionAvail().x;
  const int side = m.side();
  // Whole device pixels per module, as large as fits the target and the width.
  const float module_dev = std::max(1.f, std::floor(std::min(kTargetCss, avail) * dpr / float(side)));
  const float module = module_dev / dpr, total = module * float(side);
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.x = std::round((p.x + (avail - total) / 2) * dpr) / dpr;
  p.y = std::round(p.y * dpr) / dpr;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + total, p.y + total), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < side; ++y) {
    // A run of dark modules in a row is one rectangle: fewer vertices, no hairline seams.
    for (int x = 0; x < side;) {
      if (!m.dark(x, y)) { ++x; continue; }
      int end = x;
      while (end < side && m.dark(end, y)) ++end;
      dl->AddRectFilled(ImVec2(p.x + module * float(x), p.y + module * float(y)),
                        ImVec2(p.x + module * float(end), p.y + module * float(y + 1)), IM_COL32(0, 0, 0, 255));
      x = end;
    }
  }
  ImGui::Dummy(ImVec2(avail, total));
  return total;
}

}  // namespace

void App::show_qr() {
  qr_ = app::result_qr(session_.result, *session_.survey);
  go(Screen::Qr);
  if (qr_.ok()) platform::keep_screen_on(true);
}

void draw_qr(App& app) {
  const app::ResultQr& qr = app.qr();
  app.begin_screen(1);
  text(app.t("qr.title"), theme::primary(), FontRole::Title);
  if (qr.ok()) {
    text(app.t("qr.hint"));
    spacing(6);
    draw_matrix(qr.matrix);
    spacing(6);
    text(app.t("qr.other_way"), theme::muted(), FontRole::Small);
  } else {
    message_box(app.t("qr.too_big"), true);
    text(qr.error, theme::muted(), FontRole::Small);
  }
  app.end_body();
  if (button("qr.back", app.t("nav.back"), ButtonStyle::Primary)) app.go(Screen::Results);
  app.end_screen();
}

}  // namespace ui

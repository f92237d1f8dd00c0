// The organiser's dates: one button under the place filters of every tab ("Thời gian: Đợt 1/2026"),
// its chooser (every time, the rounds kept, this month, this year, a new round typed in), and the
// line that says how many results the filters leave of how many ("n / N"). Layout and calls only:
// the rounds are app::Rounds, the filter app::ResultTable::choose_dates.
#include <string>

#include "app/rounds.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/organiser_parts.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {
std::string range_words(const App& app, const std::string& from, const std::string& to) {
  return dr::format(app.t("organiser.dates_range"), {from.empty() ? "…" : app::date_words(from), to.empty() ? "…" : app::date_words(to)});
}

// "Đợt 1/2026 (01/01/2026 – 30/06/2026)", the dates alone, or every time.
std::string dates_label(const App& app, Org& o) {
  const dr::Filter& f = o.t.filter;
  if (!f.dated()) return app.t("organiser.dates_all");
  const app::Round* r = o.r.rounds.find(f.date_from, f.date_to);
  return r ? r->name + " (" + range_words(app, f.date_from, f.date_to) + ")" : range_words(app, f.date_from, f.date_to);
}

void choose(Org& o, const std::string& from, const std::string& to) {
  o.t.choose_dates(from, to, platform::utc_offset_minutes());
  o.v.chooser.clear();
  o.v.round_form = false;
}

// The last day of a month "YYYY-MM" (the first of the next, less one day, in words the filter reads).
std::string month_end(const std::string& ym) {
  static const char* last[] = {"31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"};
  const int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(5, 2));
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return ym + "-" + (m == 2 && leap ? "29" : last[m - 1]);
}

const char* problem_key(app::Rounds::Problem p) {
  using P = app::Rounds::Problem;
  switch (p) {
    case P::NoName: return "organiser.round_no_name";
    case P::BadFrom: return "organiser.round_bad_from";
    case P::BadTo: return "organiser.round_bad_to";
    case P::ToBeforeFrom: return "organiser.round_to_before_from";
    case P::NotKept: return "organiser.round_not_kept";
    case P::None: break;
  }
  return "";
}

// A new round: its name, first and last day typed through the browser's text overlay.
void draw_round_form(App& app, Org& o) {
  OrganiserView& v = o.v;
  struct Field { const char* id; const char* label; std::string* value; const char* hint; };
  const Field fields[] = {{"org.round.name", "organiser.round_name", &v.round_name, "organiser.round_name_hint"},
                          {"org.round.from", "organiser.round_from", &v.round_from, "organiser.round_date_hint"},
                          {"org.round.to", "organiser.round_to", &v.round_to, "organiser.round_date_hint"}};
  text(app.t("organiser.round_new_title"), theme::ink(), FontRole::Title);
  for (const Field& f : fields) {
    text(app.t(f.label), theme::ink(), FontRole::Small);  // the field draws its value only
    if (text_field(f.id, app.t(f.label), *f.value, app.t(f.hint), "text", false, v.form_editing == f.id, false))
      platform::open_text_overlay(f.id);
  }
  if (v.round_problem != app::Rounds::Problem::None) message_box(app.t(problem_key(v.round_problem)), true);
  if (button("org.round.save", app.t("organiser.round_save"), ButtonStyle::Primary)) {
    v.round_problem = o.r.rounds.save(v.round_name, v.round_from, v.round_to);
    if (v.round_problem == app::Rounds::Problem::None)
      choose(o, *app::parse_date(v.round_from), *app::parse_date(v.round_to));
  }
}

void draw_dates_chooser(App& app, Org& o) {
  const dr::Filter& f = o.t.filter;
  if (option_row("org.dates.all", app.t("organiser.dates_all"), !f.dated(), false)) choose(o, "", "");
  const auto& rounds = o.r.rounds.all();
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    const std::string id = "org.dates.round." + std::to_string(i);
    const bool on = f.date_from == rounds[i].from && f.date_to == rounds[i].to;
    if (option_row(id.c_str(), rounds[i].name, on, false, range_words(app, rounds[i].from, rounds[i].to)))
      return choose(o, rounds[i].from, rounds[i].to);
  }
  const std::string now = today();  // the phone's day, as the dates are read
  if (option_row("org.dates.month", app.t("organiser.dates_month"), false, false))
    return choose(o, now.substr(0, 7) + "-01", month_end(now.substr(0, 7)));
  if (option_row("org.dates.year", app.t("organiser.dates_year"), false, false))
    return choose(o, now.substr(0, 4) + "-01-01", now.substr(0, 4) + "-12-31");
  if (!o.v.round_form && button("org.round.new", app.t("organiser.round_new"), ButtonStyle::Secondary)) {
    o.v.round_form = true;
    o.v.round_name = o.r.rounds.next_name(app.t("organiser.round_pattern"), now.substr(0, 4));
    o.v.round_from.clear();
    o.v.round_to.clear();
    o.v.round_problem = app::Rounds::Problem::None;
  }
  if (o.v.round_form) draw_round_form(app, o);
  if (const app::Round* r = o.r.rounds.find(f.date_from, f.date_to)) {
    const std::string name = r->name;  // remove() frees it
    if (button("org.round.remove", dr::format(app.t("organiser.round_remove"), {name}), ButtonStyle::Quiet)) {
      o.r.rounds.remove(name);
      o.v.chooser.clear();
    }
  }
}
}  // namespace

void draw_dates(App& app, Org& o) {
  if (button("org.f.dates", app.t("organiser.dates") + ": " + dates_label(app, o), ButtonStyle::Secondary))
    toggle_chooser(o, "dates");
  if (o.v.chooser == "dates") draw_dates_chooser(app, o);
}

void draw_counted(App& app, std::size_t n, std::size_t of, const char* key) {
  text(dr::format(app.t(key), {std::to_string(n), std::to_string(of)}), theme::muted(), FontRole::Small);
}

}  // namespace ui

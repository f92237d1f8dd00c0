#include "app/speech.hpp"

#include <cmath>
#include <cstdio>

namespace app {

std::string option_widget_id(const dr::Question& q, const dr::Option& o) { return "opt." + q.id + "." + o.value; }

std::string option_label(const dr::Question& q, const dr::Option& o, const std::string& lang) {
  const std::string label = o.label.get(lang);
  return q.type == dr::QuestionType::Rating ? o.value + " — " + label : label;
}

std::string speech_lang(const dr::Strings& words) { return words.get("language.speech"); }

std::string percent_words(std::optional<double> p) {
  if (!p) return "—";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d%%", int(dr::shown_percent(*p)));  // as the core rounds (scoring.hpp)
  return buf;
}

namespace {
void say(Speech& sp, std::string line, std::string mark = {}) {
  if (line.empty()) return;
  sp.lines.push_back(std::move(line));
  sp.marks.push_back(std::move(mark));
}
}  // namespace

Speech question_speech(const dr::Question& q, const dr::Strings& words) {
  const std::string& lang = words.language();
  Speech sp;
  sp.lang = speech_lang(words);
  say(sp, q.title.get(lang));
  if (!q.help.empty()) say(sp, q.help.get(lang));
  if (q.choice())
    for (const dr::Option& o : q.options) say(sp, option_label(q, o, lang), option_widget_id(q, o));
  return sp;
}

std::string question_announcement(const dr::Question& q, const std::string& lang, const std::string& position) {
  const std::string title = q.title.get(lang);
  return position.empty() ? title : title + ". " + position;
}

std::string selection_announcement(const dr::Question& q, const dr::Answers& a, const std::string& lang,
                                   const std::string& selected_word, const std::string& none_word) {
  std::string chosen;
  for (const dr::Option& o : q.options)
    if (dr::is_selected(q, a, o.value)) chosen += (chosen.empty() ? "" : ", ") + option_label(q, o, lang);
  return selected_word + ": " + (chosen.empty() ? none_word : chosen);
}

Speech result_speech(const dr::Survey& s, const dr::Scores& sc, const dr::Strings& words, const ResultWords& w) {
  const std::string& lang = words.language();
  Speech sp;
  sp.lang = speech_lang(words);
  say(sp, w.title + ". " + s.title.get(lang));
  const dr::Level* lv = sc.level_ptr(s);
  say(sp, w.level + ": " + (lv ? lv->label.get(lang) : std::string("—")) + ", " + percent_words(sc.overall));
  for (const dr::DimensionScore& d : sc.dimensions)
    say(sp, s.dimensions[size_t(d.dimension)].title.get(lang) + ": " + percent_words(d.percent));
  if (!sc.weakest.empty()) {
    const dr::DimensionScore& d = sc.dimensions[size_t(sc.weakest.front())];
    if (d.advice) say(sp, w.advice + ": " + d.advice->get(lang));
  }
  return sp;
}

}  // namespace app

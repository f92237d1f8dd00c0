// What a screen reader is told and what "Nghe" (read aloud) says, decided here so it is tested
// natively; the browser only speaks it (web/semantics.js). Words come in from the locale files.
#pragma once
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

// Text to speak, line by line; each line may mark the widget drawn for it (an option being read).
struct Speech {
  std::string lang;                // BCP 47 tag for speechSynthesis: the locale's language.speech (vi-VN)
  std::vector<std::string> lines;  // spoken in order
  std::vector<std::string> marks;  // widget id marked while its line is spoken ("": none)
};

// The widget id the survey screen gives an option (the same in the hook, the tree and Speech).
std::string option_widget_id(const dr::Question& q, const dr::Option& o);
// An option's label as drawn (ratings show their number first).
std::string option_label(const dr::Question& q, const dr::Option& o, const std::string& lang);

// vi -> vi-VN, en -> en-US.
std::string speech_lang(const dr::Strings& words);

// Read aloud a question: its title, its help, then each option (marked while read).
Speech question_speech(const dr::Question& q, const dr::Strings& words);

// A new question, announced: its title, then where it is ("Câu 3/35").
std::string question_announcement(const dr::Question& q, const std::string& lang, const std::string& position);

// A changed selection: "Đã chọn: Có" (or "Đã chọn: chưa chọn" when the last one was taken off).
std::string selection_announcement(const dr::Question& q, const dr::Answers& a, const std::string& lang,
                                   const std::string& selected_word, const std::string& none_word);

struct ResultWords {
  std::string title;   // "Kết quả"
  std::string level;   // "Mức"
  std::string advice;  // "Nên làm gì tiếp"
};
// The result, in the order it is drawn: level with its score, each area with its score, then the
// first piece of advice. Announced when the result appears and read aloud by "Nghe".
Speech result_speech(const dr::Survey& s, const dr::Scores& sc, const dr::Strings& words, const ResultWords& w);

// Whole percent as shown on screen ("47%"), or "—".
std::string percent_words(std::optional<double> p);

}  // namespace app

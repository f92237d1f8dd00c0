// The bridge to the browser's semantics tree (web/semantics.js): after each frame the records of
// what was drawn (widgets and text blocks, the same ones the test hook lists) go to the page when
// they changed, and a screen reader's activation of a node comes back as a tap on that widget.
#pragma once
#include <functional>
#include <string>

#include "app/speech.hpp"

namespace ui {

class SemanticsBridge {
 public:
  // Listens for activations from the page; `wake` runs after one (the loop idles without input: an
  // activation or a move of the reader is input). `no_voice` runs when read-aloud finds no voice
  // for the language (or no speech at all), so the app can say how to add one.
  SemanticsBridge(std::function<void()> wake, std::function<void()> no_voice);
  SemanticsBridge(const SemanticsBridge&) = delete;
  SemanticsBridge& operator=(const SemanticsBridge&) = delete;
  // Reads `sp` aloud (speechSynthesis), marking the widget of the line being read; a second call
  // while it speaks stops it.
  static void speak(const app::Speech& sp);
  // After a frame: sends the records (and the app's language, for <html lang>) if they changed.
  void publish(const std::string& lang);

 private:
  std::string sent_;  // what the page has now: a frame that draws the same sends nothing
};

}  // namespace ui

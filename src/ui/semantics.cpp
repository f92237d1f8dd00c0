#include "ui/semantics.hpp"

#include <SDL.h>
#include <emscripten.h>

#include <cstdlib>
#include <utility>

#include "ui/widgets.hpp"

EM_JS(void, dr_js_semantics, (const char* json, const char* lang), {
  var s = window['digiready']['_semantics'];
  if (s) s(UTF8ToString(json), UTF8ToString(lang));
});

// Tells the page how to activate a widget: a string in, a frame woken up (the loop idles without
// input, and an activation is input).
EM_JS(void, dr_js_semantics_init, (), {
  window['digiready']['_activate'] = function(id, revealOnly) {
    var n = lengthBytesUTF8(id) + 1, p = _malloc(n);
    stringToUTF8(id, p, n);
    _dr_activate(p, revealOnly ? 1 : 0);
  };
  window['digiready']['_noVoice'] = _dr_no_voice;
});

EM_JS(void, dr_js_speak, (const char* text), {
  var s = window['digiready']['_speak'];
  if (s) s(UTF8ToString(text));
});

namespace {
// The page's answer "no voice" has nowhere else to go: C entry points cannot reach an object.
std::function<void()>& no_voice_handler() {
  static std::function<void()> handler;
  return handler;
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dr_no_voice() {
  if (no_voice_handler()) no_voice_handler()();
}

namespace {
// The loop idles without input: an activation or a move of the reader is input.
void wake() {
  SDL_Event e{};
  e.type = SDL_USEREVENT;
  SDL_PushEvent(&e);
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dr_activate(char* id, int reveal_only) {
  if (reveal_only) ui::reveal_widget(id);
  else ui::activate_widget(id);
  std::free(id);
  wake();
}

namespace ui {

SemanticsBridge::SemanticsBridge(std::function<void()> no_voice) {
  no_voice_handler() = std::move(no_voice);
  dr_js_semantics_init();
}

void SemanticsBridge::speak(const app::Speech& sp) {
  // Lines and marks joined by the unit separator (never in survey text): lang, line, mark, line...
  std::string all = sp.lang;
  for (std::size_t i = 0; i < sp.lines.size(); ++i) all += "\x1f" + sp.lines[i] + "\x1f" + sp.marks[i];
  dr_js_speak(all.c_str());
}

void SemanticsBridge::publish(const std::string& lang) {
  std::string now = semantics_json();
  now += lang;  // a change of language alone changes <html lang>
  if (now == sent_) return;
  sent_ = std::move(now);
  const std::string json = sent_.substr(0, sent_.size() - lang.size());
  dr_js_semantics(json.c_str(), lang.c_str());
}

}  // namespace ui

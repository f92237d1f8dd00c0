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
  window['digiready']['_activate'] = function(id) {
    var n = lengthBytesUTF8(id) + 1, p = _malloc(n);
    stringToUTF8(id, p, n);
    _dr_activate(p);
  };
  window['digiready']['_noVoice'] = function(none) { _dr_no_voice(none ? 1 : 0); };
});

EM_JS(void, dr_js_speak, (const char* json), {
  var s = window['digiready']['_speak'];
  if (s) s(UTF8ToString(json));
});

namespace {
// The page's answer "no voice" has nowhere else to go: C entry points cannot reach an object.
std::function<void(bool)>& no_voice_handler() {
  static std::function<void(bool)> handler;
  return handler;
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dr_no_voice(int none) {
  if (no_voice_handler()) no_voice_handler()(none != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void dr_activate(char* id) {
  ui::activate_widget(id);
  std::free(id);
  SDL_Event wake{};
  wake.type = SDL_USEREVENT;
  SDL_PushEvent(&wake);
}

namespace ui {

SemanticsBridge::SemanticsBridge(std::function<void(bool)> no_voice) {
  no_voice_handler() = std::move(no_voice);
  dr_js_semantics_init();
}

void SemanticsBridge::speak(const app::Speech& sp) {
  std::string json = "{\"lang\":";
  append_json_string(json, sp.lang);
  json += ",\"lines\":[";
  for (std::size_t i = 0; i < sp.lines.size(); ++i) {
    if (i) json += ',';
    json += "[";
    append_json_string(json, sp.lines[i]);
    json += ',';
    append_json_string(json, sp.marks[i]);
    json += ']';
  }
  json += "]}";
  dr_js_speak(json.c_str());
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

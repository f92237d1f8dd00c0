// Browser side of the platform seam (see platform.hpp); the JS half is web/shell.js.
#include "platform/platform.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <emscripten.h>
#include <emscripten/html5.h>

namespace {
platform::ImportEvents g_import;
platform::TextEvents g_text;
std::function<void(std::vector<std::pair<std::string, std::string>>)> g_surveys_done;
std::vector<std::pair<std::string, std::string>> g_surveys;
std::function<void()> g_gl_lost, g_gl_restored;
std::function<void()> g_back;
platform::ScanEvents g_scan;
platform::SemanticsEvents g_semantics;
std::function<std::string()> g_hook_state, g_hook_widgets;  // the test hook, asked when a test reads
// Bulk storage requests waiting for IndexedDB, by request id.
int g_bulk_next = 0;
std::map<int, std::function<void(bool)>> g_bulk_appends;
std::map<int, std::pair<std::string, std::function<void(bool, std::string)>>> g_bulk_reads;

EM_BOOL on_gl_lost(int, const void*, void*) {
  if (g_gl_lost) g_gl_lost();
  return EM_TRUE;  // preventDefault: lets the browser restore the context later
}
}  // namespace

EM_JS(int, dr_js_gl_is_lost, (), { return GL.currentContext && GL.currentContext.GLctx.isContextLost() ? 1 : 0; });

// WebGL extensions are off until asked for. Emscripten would turn on every one the browser has (a
// slow start on phones, -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0); ImGui's renderer needs only
// vertex array objects. A restored context has lost them: asked for again then.
static void enable_gl_extensions() {
  emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "OES_vertex_array_object");
}

namespace {
EM_BOOL on_gl_restored(int, const void*, void*) {
  enable_gl_extensions();
  if (g_gl_restored) g_gl_restored();
  return EM_TRUE;
}
}  // namespace

// Strings cross the boundary as malloc'ed UTF-8 that the C++ side frees. Under closure, names on
// window must be quoted (window['x']) to survive renaming.
EM_JS(void, dr_js_init, (), {
  var hook = window['digiready'];
  function pass(s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  }
  hook['_call'] = function(what, arg) {
    var a = pass(what), b = pass(arg);
    _dr_event(a, b, 0);
  };
  // The test hook reads the app's state when asked (0: state, 1: widgets), not every frame. The
  // state is worked out by code that arrives after the first frame (later_code.js): {} until then.
  hook['_read'] = function(what) {
    return what == 0 && !Module['laterCodeIn']() ? '{}' : UTF8ToString(_dr_hook_read(what));
  };
  hook['_call2'] = function(what, arg, arg2) {
    var a = pass(what), b = pass(arg), c = pass(arg2);
    _dr_event(a, b, c);
  };
  // Bytes as read from a file go in as they are: no decoding to a JS string and encoding back.
  // A heap that cannot grow for them (a phone's memory) gives 0: said, never written through.
  hook['_callBytes'] = function(what, arg, bytes) {
    var p = _malloc(bytes.length + 1);
    if (!p) { hook['_call2']('no_memory', what + '\u001f' + arg, String(bytes.length)); return; }
    var a = pass(what), b = pass(arg);
    HEAPU8.set(bytes, p);
    _dr_event_bytes(a, b, p, bytes.length);
  };
  // The most bytes a file of this name may have before it is read (shell.js asks for each file).
  hook['_importLimit'] = function(name) {
    var p = pass(name), n = _dr_import_limit(p);
    _free(p);
    return n;
  };
});

EM_JS(void, dr_js_console_error, (const char* text), { console.error(UTF8ToString(text)); });

EM_JS(double, dr_js_dpr, (), { return window.devicePixelRatio || 1; });

EM_JS(char*, dr_js_storage_get, (const char* key), {
  try {
    var v = window.localStorage.getItem(UTF8ToString(key));
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  } catch (e) { return 0; }
});

EM_JS(int, dr_js_storage_set, (const char* key, const char* value, int len), {
  try {
    window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value, len));
    return 1;
  } catch (e) { return 0; }  // QuotaExceededError, or storage disabled
});

EM_JS(void, dr_js_storage_remove, (const char* key), {
  try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(void, dr_js_persist, (), { window['digiready']['_persist'](); });

// Bulk storage lives in shell.js (IndexedDB); these hand requests over and answers come back
// through dr_event / dr_event_bytes with the request id.
EM_JS(void, dr_js_bulk_append, (const char* list, const char* data, int len, int id), {
  window['digiready']['_bulkAppend'](UTF8ToString(list), UTF8ToString(data, len), id);
});
EM_JS(void, dr_js_bulk_read, (const char* list, double index, int id), {
  window['digiready']['_bulkRead'](UTF8ToString(list), index, id);
});
EM_JS(void, dr_js_bulk_clear, (const char* list), {
  window['digiready']['_bulkClear'](UTF8ToString(list));
});

// Keys joined by "\n" (keys never contain a newline: we make them).
EM_JS(char*, dr_js_storage_keys, (const char* prefix), {
  var pre = UTF8ToString(prefix), out = [];
  try {
    for (var i = 0; i < window.localStorage.length; i++) {
      var k = window.localStorage.key(i);
      if (k && k.indexOf(pre) === 0) out.push(k);
    }
  } catch (e) {}
  var s = out.join('\n');
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

EM_JS(void, dr_js_download, (const char* name, const char* mime, const char* data, int len), {
  var bytes = HEAPU8.slice(data, data + len);
  window['digiready']['_saveBlob'](UTF8ToString(name), new Blob([bytes], {type: UTF8ToString(mime)}));
});

// 1: the share sheet was asked for; 0: this browser cannot share files (nothing done).
EM_JS(int, dr_js_share, (const char* name, const char* mime, const char* data, int len), {
  return window['digiready']['_shareFile'](UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len)) ? 1 : 0;
});
EM_JS(int, dr_js_utc_offset, (), { return -new Date().getTimezoneOffset(); });
// `done`: a heap-held callback, handed back with "xlsx_done" (no state kept here meanwhile).
EM_JS(void, dr_js_export_xlsx, (const char* name, const char* json, int len, double done), {
  window['digiready']['_exportXlsx'](UTF8ToString(name), UTF8ToString(json, len), String(done));
});
EM_JS(void, dr_js_wake_lock, (int on), { window['digiready']['_wakeLock'](on != 0); });
EM_JS(void, dr_js_scan_start, (), { window['digiready']['_scanStart'](); });
EM_JS(void, dr_js_scan_place, (float x, float y, float w, float h), { window['digiready']['_scanPlace'](x, y, w, h); });
EM_JS(void, dr_js_scan_stop, (), { window['digiready']['_scanStop'](); });
EM_JS(void, dr_js_vibrate, (int ms), { if (navigator.vibrate) navigator.vibrate(ms); });

EM_JS(void, dr_js_copy, (const char* text), {
  var s = UTF8ToString(text);
  // Older WebViews have no async clipboard (or refuse it): fall back to a selected textarea.
  function fallback() {
    var t = document.createElement('textarea');
    t.value = s;
    t.setAttribute('readonly', 'readonly');
    t.style.position = 'fixed';
    t.style.left = '-10000px';
    document.body.appendChild(t);
    t.select();
    try { document.execCommand('copy'); } catch (e) {}
    t.remove();
    document.getElementById('canvas').focus();
  }
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
  else fallback();
});

EM_JS(int, dr_js_update_ready, (), { return window['digiready']['_updateReady'] ? 1 : 0; });
EM_JS(void, dr_js_apply_update, (), { window['digiready']['_applyUpdate'](); });
EM_JS(void, dr_js_pick_files, (), { window['digiready']['_pickFiles'](); });
EM_JS(void, dr_js_open_text, (const char* id), { window['digiready']['_openText'](UTF8ToString(id)); });
EM_JS(void, dr_js_close_text, (), { window['digiready']['_closeText'](); });
EM_JS(void, dr_js_announce, (const char* text), { window['digiready']['_announce'](UTF8ToString(text)); });

EM_JS(void, dr_js_frame_drawn, (const char* fields, int back_leaves), {
  window['digiready']['_frame'](UTF8ToString(fields), back_leaves != 0);
});

// The surveys are read by code that comes after the first frame (later_code.js).
EM_JS(void, dr_js_request_surveys, (), {
  Promise.all([window['digiready']['_surveys'], Module['laterCode']]).then(function(got) {
    var list = got[0];
    var hook = window['digiready'];
    for (var i = 0; i < list.length; i++) hook['_call2']('survey', list[i][0], list[i][1]);
    hook['_call']('surveys_done', "");
  });
});

EM_JS(void, dr_js_semantics, (const char* json, const char* lang), {
  var s = window['digiready']['_semantics'];
  if (s) s(UTF8ToString(json), UTF8ToString(lang));
});

// How the page reaches the app when a screen reader presses a node or finds no voice.
EM_JS(void, dr_js_semantics_init, (), {
  var hook = window['digiready'];
  hook['_activate'] = function(id, revealOnly) { hook['_call'](revealOnly ? 'reveal' : 'activate', id); };
  hook['_noVoice'] = function() { hook['_call']('no_voice', ''); };
});

EM_JS(void, dr_js_speak, (const char* text), {
  var s = window['digiready']['_speak'];
  if (s) s(UTF8ToString(text));
});

extern "C" {
// The test hook asks: 0 the state, 1 the widgets (JSON). The text stays valid until the next ask.
EMSCRIPTEN_KEEPALIVE const char* dr_hook_read(int what) {
  static std::string out;
  const auto& read = what == 0 ? g_hook_state : g_hook_widgets;
  out = read ? read() : (what == 0 ? "{}" : "[]");
  return out.c_str();
}

EMSCRIPTEN_KEEPALIVE double dr_import_limit(const char* name) {
  return g_import.limit ? double(g_import.limit(name)) : 0;
}

// One entry point for everything the browser tells the app; frees the strings it was given.
EMSCRIPTEN_KEEPALIVE void dr_event(char* what, char* arg, char* arg2) {
  const std::string w = what, a = arg ? arg : "";
  const std::string b = arg2 ? arg2 : "";
  std::free(what);
  std::free(arg);
  std::free(arg2);
  if (w == "text_begin" && g_text.begin) g_text.begin(a);
  else if (w == "text_input" && g_text.input) g_text.input(a);
  else if (w == "text_end" && g_text.end) g_text.end(a, b == "enter");
  else if (w == "import_begin" && g_import.begin) g_import.begin(std::atoi(a.c_str()));
  else if (w == "import_file" && g_import.file) g_import.file(a, b);
  else if (w == "import_end" && g_import.end) g_import.end();
  else if (w == "import_too_big" && g_import.unread) g_import.unread(a, std::size_t(std::atof(b.c_str())), false);
  else if (w == "no_memory") {  // "<what>\x1f<arg>": the bytes of an import_file found no room
    const auto sep = a.find('\x1f');
    if (sep != std::string::npos && a.compare(0, sep, "import_file") == 0 && g_import.unread)
      g_import.unread(a.substr(sep + 1), std::size_t(std::atof(b.c_str())), true);
  }
  else if (w == "survey") g_surveys.emplace_back(a, b);
  else if (w == "back" && g_back) g_back();
  else if ((w == "activate" || w == "reveal") && g_semantics.activate) g_semantics.activate(a, w == "reveal");
  else if (w == "no_voice" && g_semantics.no_voice) g_semantics.no_voice();
  else if (w == "scan_code" && g_scan.code) g_scan.code(a);
  else if (w == "scan_failed" && g_scan.failed) g_scan.failed(a);
  else if (w == "xlsx_done") {
    auto* done = reinterpret_cast<std::function<void(const std::string&)>*>(std::uintptr_t(std::strtoull(a.c_str(), nullptr, 10)));
    if (*done) (*done)(b);
    delete done;
  } else if (w == "bulk_appended") {
    auto it = g_bulk_appends.find(std::atoi(a.c_str()));
    if (it == g_bulk_appends.end()) return;
    auto done = std::move(it->second);
    g_bulk_appends.erase(it);
    if (done) done(b == "1");
  } else if (w == "bulk_read") {
    auto it = g_bulk_reads.find(std::atoi(a.c_str()));
    if (it == g_bulk_reads.end()) return;
    auto [chunk, done] = std::move(it->second);
    g_bulk_reads.erase(it);
    if (done) done(b == "1", std::move(chunk));
  }
  else if (w == "surveys_done" && g_surveys_done) {
    auto done = std::move(g_surveys_done);
    done(std::move(g_surveys));
    g_surveys.clear();
  }
}

// The same, for a file's bytes (which may hold anything, a NUL included: the length says where
// they end).
EMSCRIPTEN_KEEPALIVE void dr_event_bytes(char* what, char* arg, char* data, int len) {
  const std::string w = what, a = arg;
  std::string bytes(data, std::size_t(std::max(0, len)));
  std::free(what);
  std::free(arg);
  std::free(data);
  if (w == "import_file" && g_import.file) g_import.file(a, bytes);
  else if (w == "bulk_chunk") {
    auto it = g_bulk_reads.find(std::atoi(a.c_str()));
    if (it != g_bulk_reads.end()) it->second.first = std::move(bytes);
  }
}
}

namespace platform {

void init() { dr_js_init(); }

float device_pixel_ratio() { return static_cast<float>(dr_js_dpr()); }

double now_ms() { return emscripten_get_now(); }

std::uint64_t heap_bytes() { return std::uint64_t(__builtin_wasm_memory_size(0)) * 65536u; }

static std::string take(char* p) {
  if (!p) return {};
  std::string s = p;
  std::free(p);
  return s;
}

std::string storage_get(std::string_view key) { return take(dr_js_storage_get(std::string(key).c_str())); }

bool storage_set(std::string_view key, std::string_view value) {
  return dr_js_storage_set(std::string(key).c_str(), value.data(), static_cast<int>(value.size())) != 0;
}

void storage_remove(std::string_view key) { dr_js_storage_remove(std::string(key).c_str()); }

void ask_persistent_storage() { dr_js_persist(); }

std::vector<std::string> storage_keys(std::string_view prefix) {
  std::string all = take(dr_js_storage_keys(std::string(prefix).c_str()));
  std::vector<std::string> keys;
  size_t start = 0;
  while (start < all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string::npos) nl = all.size();
    keys.emplace_back(all.substr(start, nl - start));
    start = nl + 1;
  }
  return keys;
}

void download(std::string_view file_name, std::string_view mime, std::string_view data) {
  dr_js_download(std::string(file_name).c_str(), std::string(mime).c_str(), data.data(),
                 static_cast<int>(data.size()));
}

int utc_offset_minutes() { return dr_js_utc_offset(); }

void export_xlsx(std::string_view file_name, std::string_view workbook_json,
                 std::function<void(const std::string& problem)> done) {
  auto* held = new std::function<void(const std::string&)>(std::move(done));
  dr_js_export_xlsx(std::string(file_name).c_str(), workbook_json.data(), int(workbook_json.size()),
                    double(reinterpret_cast<std::uintptr_t>(held)));
}

bool share_file(std::string_view file_name, std::string_view mime, std::string_view data) {
  if (dr_js_share(std::string(file_name).c_str(), std::string(mime).c_str(), data.data(), int(data.size()))) return true;
  download(file_name, mime, data);
  return false;
}

void keep_screen_on(bool on) { dr_js_wake_lock(on ? 1 : 0); }

void start_scan(ScanEvents events) {
  g_scan = std::move(events);
  dr_js_scan_start();
}
void place_scan(float x, float y, float w, float h) { dr_js_scan_place(x, y, w, h); }
void stop_scan() {
  g_scan = {};
  dr_js_scan_stop();
}
void vibrate(int ms) { dr_js_vibrate(ms); }

void copy_to_clipboard(std::string_view text) { dr_js_copy(std::string(text).c_str()); }

void bulk_append(std::string_view list, std::string_view chunk, std::function<void(bool ok)> done) {
  const int id = ++g_bulk_next;
  g_bulk_appends[id] = std::move(done);
  dr_js_bulk_append(std::string(list).c_str(), chunk.data(), int(chunk.size()), id);
}

void bulk_read(std::string_view list, std::size_t index, std::function<void(bool found, std::string chunk)> done) {
  const int id = ++g_bulk_next;
  g_bulk_reads[id] = {{}, std::move(done)};
  dr_js_bulk_read(std::string(list).c_str(), double(index), id);
}

void bulk_clear(std::string_view list) { dr_js_bulk_clear(std::string(list).c_str()); }

void set_import_handler(ImportEvents events) { g_import = std::move(events); }

void set_back_handler(std::function<void()> back) { g_back = std::move(back); }
void open_file_picker() { dr_js_pick_files(); }

void request_surveys(std::function<void(std::vector<std::pair<std::string, std::string>>)> done) {
  g_surveys_done = std::move(done);
  dr_js_request_surveys();
}

void set_text_handler(TextEvents events) { g_text = std::move(events); }
void open_text_overlay(std::string_view widget_id) { dr_js_open_text(std::string(widget_id).c_str()); }
void close_text_overlay() { dr_js_close_text(); }

void watch_gl_context(std::function<void()> lost, std::function<void()> restored) {
  enable_gl_extensions();
  g_gl_lost = std::move(lost);
  g_gl_restored = std::move(restored);
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_gl_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_gl_restored);
}

bool update_ready() { return dr_js_update_ready() != 0; }
void apply_update() { dr_js_apply_update(); }

bool gl_context_is_lost() {
  if (dr_js_gl_is_lost()) return true;
  enable_gl_extensions();  // it came back: as on a restore event
  return false;
}

void announce(std::string_view text) { dr_js_announce(std::string(text).c_str()); }

void set_semantics_handler(SemanticsEvents events) {
  g_semantics = std::move(events);
  dr_js_semantics_init();
}
void publish_semantics(std::string_view records_json, std::string_view lang) {
  dr_js_semantics(std::string(records_json).c_str(), std::string(lang).c_str());
}
void speak(std::string_view text) { dr_js_speak(std::string(text).c_str()); }

// The first frame is on screen: fetch the code it did not need (src/platform/later_code.js) with
// the main loop paused until it is in, so no frame calls a function that is not there yet.
EM_JS(void, dr_js_load_later_code, (), { Module['loadLaterCode'](); });

void frame_drawn(const std::string& text_fields_json, bool back_leaves) {
  dr_js_frame_drawn(text_fields_json.c_str(), back_leaves ? 1 : 0);
  static bool later_code_asked = false;
  if (!later_code_asked) {
    later_code_asked = true;
    emscripten_pause_main_loop();
    dr_js_load_later_code();
  }
}

void set_test_hook(std::function<std::string()> state_json, std::function<std::string()> widgets_json) {
  g_hook_state = std::move(state_json);
  g_hook_widgets = std::move(widgets_json);
}

void error(std::string_view message) { dr_js_console_error(std::string(message).c_str()); }

void log(std::string_view message) { std::fprintf(stderr, "%.*s\n", static_cast<int>(message.size()), message.data()); }

}  // namespace platform

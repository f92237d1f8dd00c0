// The browser's events for the canvas (page_input.hpp), with Emscripten's html5 API. What the
// handlers return is whether the browser's own action is prevented; the choices follow what SDL2's
// Emscripten backend did before (SDL 2.26 src/video/emscripten/SDL_emscriptenevents.c), so the
// page behaves as it did: touches never turn into the browser's emulated mouse events, the pointer
// is followed over the whole page once pressed, and Tab, Backspace and the arrows stay in the app.
#include "platform/page_input.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

namespace platform {

namespace {
EM_JS(void, dr_js_set_cursor, (const char* selector, const char* cursor), {
  const c = document.querySelector(UTF8ToString(selector));
  if (c) c.style.cursor = UTF8ToString(cursor);
});

PageEvent pointer(PageEvent::Kind kind, long x, long y, int button = 0) {
  PageEvent e;
  e.kind = kind;
  e.x = float(x);
  e.y = float(y);
  e.button = button;
  return e;
}

// The DOM's buttons are 0 left, 1 middle, 2 right; ImGui's 0 left, 1 right, 2 middle.
int imgui_button(unsigned short dom) { return dom == 0 ? 0 : dom == 1 ? 2 : dom == 2 ? 1 : -1; }

// Keys whose browser action would move the page or the focus away from the app.
bool app_key(unsigned long code) {
  return code == 8 || code == 9 || code == 32 || (code >= 33 && code <= 40);
}
}  // namespace

struct PageInput::Handlers {
  static PageInput& of(void* user) { return *static_cast<PageInput*>(user); }

  // The canvas fills the viewport from its top left (web/style.css), so the page's coordinates are
  // the canvas's: a release outside the canvas (listened for on the document) is placed right.
  static EM_BOOL mouse(int type, const EmscriptenMouseEvent* m, void* user) {
    PageInput& in = of(user);
    using K = PageEvent::Kind;
    switch (type) {
      case EMSCRIPTEN_EVENT_MOUSEMOVE:
      case EMSCRIPTEN_EVENT_MOUSEENTER:
        in.push(pointer(K::PointerMove, m->clientX, m->clientY));
        return type == EMSCRIPTEN_EVENT_MOUSEENTER;
      case EMSCRIPTEN_EVENT_MOUSELEAVE:
        in.push(pointer(K::PointerMove, m->clientX, m->clientY));
        in.push(pointer(K::PointerLeave, m->clientX, m->clientY));
        return true;
      case EMSCRIPTEN_EVENT_MOUSEDOWN:
      case EMSCRIPTEN_EVENT_MOUSEUP: {
        const int b = imgui_button(m->button);
        if (b < 0) return false;
        in.push(pointer(type == EMSCRIPTEN_EVENT_MOUSEDOWN ? K::PointerDown : K::PointerUp, m->clientX, m->clientY, b));
        // A release outside the canvas is the page's too (a button next to it, say).
        double w = 0, h = 0;
        emscripten_get_element_css_size(in.selector_, &w, &h);
        return m->clientX >= 0 && m->clientY >= 0 && m->clientX < w && m->clientY < h;
      }
      default: return false;
    }
  }

  // The first finger down is the pointer until it lifts; other fingers are not followed.
  static EM_BOOL touch(int type, const EmscriptenTouchEvent* t, void* user) {
    PageInput& in = of(user);
    using K = PageEvent::Kind;
    bool prevent = false;
    for (int i = 0; i < t->numTouches; ++i) {
      const EmscriptenTouchPoint& p = t->touches[i];
      if (!p.isChanged) continue;
      if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        prevent = true;  // no browser panning or zoom, and no emulated mouse events
        if (in.finger_ >= 0) continue;
        in.finger_ = p.identifier;
        in.push(pointer(K::PointerMove, p.targetX, p.targetY));
        in.push(pointer(K::PointerDown, p.targetX, p.targetY));
      } else if (p.identifier != in.finger_) {
        if (type != EMSCRIPTEN_EVENT_TOUCHMOVE) prevent = true;
      } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        in.push(pointer(K::PointerMove, p.targetX, p.targetY));
      } else {  // end or cancel
        prevent = true;
        in.finger_ = -1;
        in.push(pointer(K::PointerUp, p.targetX, p.targetY));
      }
    }
    return prevent;
  }

  static EM_BOOL wheel(int, const EmscriptenWheelEvent* w, void* user) {
    PageEvent e;
    e.kind = PageEvent::Kind::Wheel;
    e.wheel_y = w->deltaY < 0 ? 1.f : w->deltaY > 0 ? -1.f : 0.f;
    e.wheel_x = w->deltaX > 0 ? 1.f : w->deltaX < 0 ? -1.f : 0.f;
    of(user).push(e);
    return true;
  }

  static EM_BOOL key(int type, const EmscriptenKeyboardEvent* k, void* user) {
    if (k->keyCode == 0 || k->keyCode >= kKeyCount) return false;
    PageEvent e;
    e.kind = type == EMSCRIPTEN_EVENT_KEYDOWN ? PageEvent::Kind::KeyDown : PageEvent::Kind::KeyUp;
    e.key = int(k->keyCode);
    e.shift = k->shiftKey;
    e.ctrl = k->ctrlKey;
    e.alt = k->altKey;
    e.super = k->metaKey;
    of(user).push(e);
    return app_key(k->keyCode);
  }

  static EM_BOOL focus(int type, const EmscriptenFocusEvent*, void* user) {
    PageEvent e;
    e.kind = type == EMSCRIPTEN_EVENT_FOCUS ? PageEvent::Kind::Focus : PageEvent::Kind::Blur;
    of(user).push(e);
    return false;
  }

  static EM_BOOL resize(int, const EmscriptenUiEvent*, void* user) {
    of(user).resized_ = true;
    redraw(user);
    return false;
  }

  static EM_BOOL visibility(int, const EmscriptenVisibilityChangeEvent*, void* user) {
    redraw(user);
    return false;
  }

  static void redraw(void* user) {
    PageEvent e;
    e.kind = PageEvent::Kind::Redraw;
    of(user).push(e);
  }
};

PageInput::PageInput(const char* selector) : selector_(selector) {
  const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
  const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  emscripten_set_mousemove_callback(selector, this, false, Handlers::mouse);
  emscripten_set_mousedown_callback(selector, this, false, Handlers::mouse);
  emscripten_set_mouseup_callback(doc, this, false, Handlers::mouse);
  emscripten_set_mouseenter_callback(selector, this, false, Handlers::mouse);
  emscripten_set_mouseleave_callback(selector, this, false, Handlers::mouse);
  emscripten_set_touchstart_callback(selector, this, false, Handlers::touch);
  emscripten_set_touchmove_callback(selector, this, false, Handlers::touch);
  emscripten_set_touchend_callback(selector, this, false, Handlers::touch);
  emscripten_set_touchcancel_callback(selector, this, false, Handlers::touch);
  emscripten_set_wheel_callback(selector, this, false, Handlers::wheel);
  emscripten_set_keydown_callback(selector, this, false, Handlers::key);
  emscripten_set_keyup_callback(selector, this, false, Handlers::key);
  emscripten_set_focus_callback(win, this, false, Handlers::focus);
  emscripten_set_blur_callback(win, this, false, Handlers::focus);
  emscripten_set_resize_callback(win, this, false, Handlers::resize);
  emscripten_set_visibilitychange_callback(this, false, Handlers::visibility);
  fit();
}

PageInput::~PageInput() { emscripten_html5_remove_all_event_listeners(); }

void PageInput::take(std::vector<PageEvent>& out) {
  out.insert(out.end(), events_.begin(), events_.end());
  events_.clear();
}

void PageInput::fit() {
  if (!resized_) return;
  resized_ = false;
  double w = 0, h = 0;
  emscripten_get_element_css_size(selector_, &w, &h);
  const double dpr = emscripten_get_device_pixel_ratio();
  const int pw = int(w * dpr), ph = int(h * dpr);
  emscripten_set_canvas_element_size(selector_, pw, ph);
  // ImGui lays out in whole CSS pixels; the drawing buffer may be a fraction bigger.
  width_ = float(int(w));
  height_ = float(int(h));
  scale_ = width_ > 0 ? float(pw) / width_ : float(dpr);
}

void PageInput::set_cursor(const char* css_cursor) {
  if (css_cursor == cursor_) return;
  cursor_ = css_cursor;
  dr_js_set_cursor(selector_, css_cursor);
}

}  // namespace platform

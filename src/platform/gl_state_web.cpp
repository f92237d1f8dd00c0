// ImGui 1.86's GL backend saves the GL state it touches before drawing each frame and puts it back
// after: 12 glGetIntegerv and 5 glIsEnabled calls, each a WebGL getParameter()/isEnabled() that goes
// through the browser's bindings (and may wait on the GPU process): 7% of the page's main thread
// while 10,000 files are imported (docs/size.md). cmake/web.cmake compiles the backend with its two
// queries renamed to these. Nothing but that backend sets the state it saves (main.cpp sets only
// the viewport and clear colour, ImGui sets everything it draws with), so what it put back after one
// frame is what it finds before the next: its first answer stays right, and is asked once. The
// viewport, which main.cpp sets every frame, is always asked.
#include <GLES2/gl2.h>

#include <array>
#include <cstddef>

namespace {
// A few dozen names at most: a list searched in order is smaller in the wasm than a map.
struct Answer {
  GLenum name;
  std::array<GLint, 4> ints;
};
struct Remembered {
  std::array<Answer, 32> answers;
  std::size_t count = 0;
};
Remembered& remembered() {
  static Remembered r;  // the page's one GL context: the C signature leaves no room to pass it
  return r;
}
// The remembered answer for `name` (tagged apart from glIsEnabled's), asked with `ask` the first time.
template <class Ask>
std::array<GLint, 4> answer(GLenum name, Ask ask) {
  Remembered& r = remembered();
  for (std::size_t i = 0; i < r.count; ++i)
    if (r.answers[i].name == name) return r.answers[i].ints;
  Answer a{name, {}};
  ask(a.ints);
  if (r.count < r.answers.size()) r.answers[r.count++] = a;  // full (never with ImGui's): asked again
  return a.ints;
}
constexpr GLenum kEnabledTag = 0x80000000u;  // no GL enum has this bit
}  // namespace

extern "C" void dr_gl_get_integerv(GLenum pname, GLint* out) {
  if (pname == GL_VIEWPORT) return glGetIntegerv(pname, out);
  const std::array<GLint, 4> v = answer(pname, [&](std::array<GLint, 4>& ints) { glGetIntegerv(pname, ints.data()); });
  // The backend asks for at most 4 values (the scissor box); the others are one.
  const int n = pname == GL_SCISSOR_BOX ? 4 : 1;
  for (int i = 0; i < n; ++i) out[i] = v[std::size_t(i)];
}

extern "C" GLboolean dr_gl_is_enabled(GLenum cap) {
  return GLboolean(answer(cap | kEnabledTag, [&](std::array<GLint, 4>& ints) { ints[0] = glIsEnabled(cap); })[0]);
}

// ImGui 1.86's GL backend saves the GL state it touches before drawing each frame and puts it back
// after: 12 glGetIntegerv and 5 glIsEnabled calls, each a WebGL getParameter()/isEnabled() that goes
// through the browser's bindings (and may wait on the GPU process): 7% of the page's main thread
// while 10,000 files are imported (docs/size.md). cmake/web.cmake compiles the backend with its two
// queries renamed to these. Nothing but that backend sets the state it saves (main.cpp sets only
// the viewport and clear colour, ImGui sets everything it draws with), so what it put back after one
// frame is what it finds before the next: its first answer stays right, and is asked once. The
// viewport, which main.cpp sets every frame, is always asked.
#include <GLES3/gl3.h>

#include <array>
#include <map>

namespace {
struct Remembered {
  std::map<GLenum, std::array<GLint, 4>> ints;
  std::map<GLenum, GLboolean> enabled;
};
Remembered& remembered() {
  static Remembered r;  // one GL context per page
  return r;
}
}  // namespace

extern "C" void dr_gl_get_integerv(GLenum pname, GLint* out) {
  if (pname == GL_VIEWPORT) return glGetIntegerv(pname, out);
  auto& ints = remembered().ints;
  auto it = ints.find(pname);
  if (it == ints.end()) {
    std::array<GLint, 4> v{};
    glGetIntegerv(pname, v.data());
    it = ints.emplace(pname, v).first;
  }
  // The backend asks for at most 4 values (the scissor box); others are one.
  const int n = pname == GL_SCISSOR_BOX ? 4 : 1;
  for (int i = 0; i < n; ++i) out[i] = it->second[std::size_t(i)];
}

extern "C" GLboolean dr_gl_is_enabled(GLenum cap) {
  auto& enabled = remembered().enabled;
  auto it = enabled.find(cap);
  if (it == enabled.end()) it = enabled.emplace(cap, glIsEnabled(cap)).first;
  return it->second;
}

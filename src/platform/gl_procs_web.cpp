// The page draws through ImGui's WebGL backend, which calls the GL functions directly; nothing asks
// for GL functions by name. SDL's EGL layer still links eglGetProcAddress (its video device table
// points at it), and Emscripten's version is a table of every GL entry point, which keeps all ~160
// WebGL wrappers in the wasm and in digiready.js. This one answers "not available", which SDL
// handles (it only asks for optional extensions): 4.6 KB brotli less before the first frame
// (docs/size.md).
extern "C" void* eglGetProcAddress(const char* /*name*/) { return nullptr; }

#!/usr/bin/env bash
# Fetches SDL2 and Dear ImGui from Debian SOURCE packages and builds SDL2 for wasm, once, under
# build/thirdparty/ (never committed). Re-running is a no-op when the stamp for the versions exists.
# Needs: emcc on PATH (source emsdk-env.sh), dpkg-dev for `apt-get source`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tp="$root/build/thirdparty"
SDL_VERSION=2.26.5
IMGUI_VERSION=1.86
# SDL_LEAN_AND_MEAN drops SDL's software blitters, RLE and YUV code: we draw with WebGL only
# (about 150 KB of wasm less). Part of the stamp, so a change of flags rebuilds.
SDL_CFLAGS="-Oz -DSDL_LEAN_AND_MEAN=1"
# Static, no threads, only video (emscripten driver, GLES) and events: every other subsystem and
# video driver adds size the page never uses.
SDL_OPTIONS="-DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_THREADS=OFF -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF
  -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_RENDER=OFF -DSDL_OFFSCREEN=OFF
  -DSDL_DUMMYVIDEO=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_OPENGL=OFF -DSDL_VULKAN=OFF"
stamp="$tp/.done-sdl$SDL_VERSION-imgui$IMGUI_VERSION-$(echo "$SDL_CFLAGS $SDL_OPTIONS" | md5sum | cut -c1-8)"
[ -f "$stamp" ] && exit 0
mkdir -p "$tp"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

fetch() { # $1 = source package, $2 = glob of the orig tarball
  if ! ls "$tp"/$2 >/dev/null 2>&1; then
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null; then
      echo "thirdparty: enabling deb-src entries"
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
      as_root apt-get update -qq
    fi
    command -v dpkg-source >/dev/null || as_root apt-get install -y -qq dpkg-dev >/dev/null
    # The orig tarball is all we need (Debian's patches are packaging only).
    (cd "$tp" && apt-get source --download-only "$1" >/dev/null 2>&1 || {
      as_root apt-get update -qq && apt-get source --download-only "$1" >/dev/null; })
  fi
}
fetch libsdl2 "libsdl2_${SDL_VERSION}+dfsg.orig.tar.gz"
fetch imgui "imgui_${IMGUI_VERSION}+ds.orig.tar.xz"

rm -rf "$tp/SDL2-src" "$tp/imgui" "$tp/sdl2" "$tp"/.done-*
mkdir -p "$tp/SDL2-src" "$tp/imgui"
tar -xzf "$tp"/libsdl2_${SDL_VERSION}+dfsg.orig.tar.gz -C "$tp/SDL2-src" --strip-components=1
tar -xJf "$tp"/imgui_${IMGUI_VERSION}+ds.orig.tar.xz -C "$tp/imgui" --strip-components=1

echo "thirdparty: building SDL2 $SDL_VERSION for wasm (configure takes ~3 minutes, once)"
# shellcheck disable=SC2086 # SDL_OPTIONS is a list of words
emcmake cmake -S "$tp/SDL2-src" -B "$tp/SDL2-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$tp/sdl2" $SDL_OPTIONS -DCMAKE_C_FLAGS="$SDL_CFLAGS" >"$tp/sdl2-configure.log" 2>&1 \
  || { tail -30 "$tp/sdl2-configure.log"; exit 1; }
ninja -C "$tp/SDL2-build" -j2 install >"$tp/sdl2-build.log" 2>&1 || { tail -30 "$tp/sdl2-build.log"; exit 1; }
touch "$stamp"
echo "thirdparty: ready in $tp"

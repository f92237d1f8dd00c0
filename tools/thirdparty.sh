#!/usr/bin/env bash
# Fetches Dear ImGui from its Debian SOURCE package and unpacks it, once, under build/thirdparty/
# (never committed). Re-running is a no-op when the stamp for the version exists.
# Needs: dpkg-dev for `apt-get source`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tp="$root/build/thirdparty"
IMGUI_VERSION=1.86
# The stamp names what is unpacked: a new version unpacks again. (SDL2 was built here until the page
# took its input from the browser directly, src/platform/page_input.hpp; a checkout that built it
# keeps build/thirdparty/SDL2-* and sdl2/ until that folder is deleted.)
stamp="$tp/.done-imgui$IMGUI_VERSION"
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
fetch imgui "imgui_${IMGUI_VERSION}+ds.orig.tar.xz"

rm -rf "$tp/imgui" "$tp"/.done-imgui*
mkdir -p "$tp/imgui"
tar -xJf "$tp"/imgui_${IMGUI_VERSION}+ds.orig.tar.xz -C "$tp/imgui" --strip-components=1
touch "$stamp"
echo "thirdparty: ready in $tp"

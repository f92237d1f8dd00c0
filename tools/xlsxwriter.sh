#!/usr/bin/env bash
# Fetches libxlsxwriter and zlib from Debian SOURCE packages and builds both as static libraries,
# once, under build/thirdparty/xlsxwriter/<target> (never committed):
#   native  gcc/clang, for the CLI's `--xlsx` and the tests that read the files back;
#   wasm    emcc, for the spreadsheet module the page loads only when a person exports.
# zlib is built from Debian's source too (not emscripten's zlib port, which downloads), so both
# targets zip with the same code. A no-op once the stamp for the versions and flags exists.
# Usage: tools/xlsxwriter.sh [native|wasm|all] [THIRDPARTY_DIR]   (wasm needs emcc: emsdk-env.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
tp=${2:-$root/build/thirdparty}
LXW_VERSION=1.1.4
ZLIB_VERSION=1.2.13
LXW_ORIG="libxlsxwriter_${LXW_VERSION}.orig.tar.gz"
LXW_SHA256=b379eb35fdd9c653ebe72485b9c992f612c7ea66f732784457997d6e782f619b   # Debian 1.1.4-2
ZLIB_ORIG="zlib_${ZLIB_VERSION}.dfsg.orig.tar.bz2"
ZLIB_SHA256=71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1  # Debian 1:1.2.13.dfsg-1
# USE_DTOA_LIBRARY: numbers written the same in every C locale (a comma decimal would break the file).
LXW_OPTIONS="-DUSE_DTOA_LIBRARY=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_SHARED_LIBS=OFF"
WASM_CFLAGS="-Oz"
dest="$tp/xlsxwriter"
flags=$(echo "$LXW_OPTIONS $WASM_CFLAGS" | md5sum | cut -c1-8)
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

fetch() { # $1 = source package, $2 = orig tarball, $3 = its sha256
  if [ ! -f "$tp/$2" ]; then
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null; then
      echo "xlsxwriter: enabling deb-src entries"
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
      as_root apt-get update -qq
    fi
    command -v dpkg-source >/dev/null || as_root apt-get install -y -qq dpkg-dev >/dev/null
    # The orig tarball is all we need (Debian's patches are packaging only); the checksum decides.
    (cd "$tp" && apt-get source --download-only "$1" >/dev/null 2>&1) || true
    [ -f "$tp/$2" ] || { as_root apt-get update -qq; (cd "$tp" && apt-get source --download-only "$1" >/dev/null 2>&1) || true; }
  fi
  echo "$3  $tp/$2" | sha256sum -c --quiet - || { echo "xlsxwriter: $2 missing or not the expected file" >&2; exit 1; }
}

unpack() {
  [ -f "$dest/.src-$LXW_VERSION-$ZLIB_VERSION" ] && return
  rm -rf "$dest/src-lxw" "$dest/src-zlib"
  mkdir -p "$dest/src-lxw" "$dest/src-zlib"
  tar -xzf "$tp/$LXW_ORIG" -C "$dest/src-lxw" --strip-components=1
  tar -xjf "$tp/$ZLIB_ORIG" -C "$dest/src-zlib" --strip-components=1
  touch "$dest/.src-$LXW_VERSION-$ZLIB_VERSION"
}

# zlib's own CMake wants win32/ files Debian's dfsg tarball drops and renames zconf.h in the
# sources; its 15 C files need no configuration, so compile them directly. $1 = native|wasm.
zlib() {
  local cc=cc ar=ar obj="$dest/build-$1/zlib" f
  if [ "$1" = wasm ]; then cc=emcc; ar=emar; fi
  mkdir -p "$obj" "$3/lib" "$3/include"
  for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
    # shellcheck disable=SC2086 # cflags is a list of words
    "$cc" $2 -fPIC -DHAVE_UNISTD_H -DHAVE_STDARG_H -c "$dest/src-zlib/$f.c" -o "$obj/$f.o" || return 1
  done
  rm -f "$3/lib/libz.a"
  "$ar" rcs "$3/lib/libz.a" "$obj"/*.o && cp "$dest/src-zlib/zlib.h" "$dest/src-zlib/zconf.h" "$3/include/"
}

# $1 = native|wasm. zlib first (static only), then libxlsxwriter against it, into $dest/$1.
build() {
  local t=$1 stamp="$dest/.done-$1-$LXW_VERSION-$ZLIB_VERSION-$flags" prefix="$dest/$1" cm=(cmake) cflags="-O2"
  [ -f "$stamp" ] && return
  if [ "$t" = wasm ]; then cm=(emcmake cmake); cflags="$WASM_CFLAGS"; fi
  echo "xlsxwriter: building zlib $ZLIB_VERSION and libxlsxwriter $LXW_VERSION ($t)"
  rm -rf "$prefix" "$dest/build-$t"
  local log="$dest/build-$t.log"
  {
    zlib "$t" "$cflags" "$prefix" &&
    # shellcheck disable=SC2086 # LXW_OPTIONS is a list of words
    "${cm[@]}" -S "$dest/src-lxw" -B "$dest/build-$t/lxw" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_C_FLAGS="$cflags" -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
      -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" $LXW_OPTIONS &&
    ninja -C "$dest/build-$t/lxw" -j2 install
  } >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
  [ -f "$prefix/lib/libxlsxwriter.a" ] && [ -f "$prefix/include/xlsxwriter.h" ] \
    || { echo "xlsxwriter: $t build gave no library (see $log)" >&2; exit 1; }
  touch "$stamp"
  echo "xlsxwriter: $t ready in $prefix"
}

case "$what" in native|wasm|all) ;; *) echo "usage: $0 [native|wasm|all] [THIRDPARTY_DIR]" >&2; exit 2 ;; esac
if [ "$what" = all ]; then targets=(native wasm); else targets=("$what"); fi
done_all=true
for t in "${targets[@]}"; do [ -f "$dest/.done-$t-$LXW_VERSION-$ZLIB_VERSION-$flags" ] || done_all=false; done
$done_all && exit 0
mkdir -p "$dest"
fetch libxlsxwriter "$LXW_ORIG" "$LXW_SHA256"
fetch zlib "$ZLIB_ORIG" "$ZLIB_SHA256"
unpack
for t in "${targets[@]}"; do build "$t"; done

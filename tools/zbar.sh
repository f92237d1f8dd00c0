#!/usr/bin/env bash
# Fetches zbar's QR decoder from Debian's SOURCE package zbar into build/thirdparty/zbar/ (never
# committed): the image scanner and the QR decoder only (no video, X, ImageMagick, other symbologies),
# with Debian's security patch for the QR decoder applied (CVE-2023-40889). CMake's web build runs
# this at configure time and compiles these files into dist/zbar-qr.wasm, fetched only when the
# organiser's camera opens in a browser without BarcodeDetector. A no-op once unpacked.
# Usage: tools/zbar.sh [THIRDPARTY_DIR]   (default: build/thirdparty)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tp=${1:-$root/build/thirdparty}
ZBAR_VERSION=0.23.92
DEBIAN_REVISION=7+deb12u1
orig="zbar_${ZBAR_VERSION}.orig.tar.gz"
deb="zbar_${ZBAR_VERSION}-${DEBIAN_REVISION}.debian.tar.xz"
ORIG_SHA256=dffc16695cb6e42fa318a4946fd42866c0f5ab735f7eaf450b108d1c3a19b4ba
DEB_SHA256=bb794d1466b2ba5adabbb5ac7d271e801c757d096d4838fb0f721f6ed87eb588
dest="$tp/zbar"
stamp="$dest/.done-$ZBAR_VERSION-$DEBIAN_REVISION"
[ -f "$stamp" ] && exit 0
mkdir -p "$tp"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -f "$tp/$orig" ] || [ ! -f "$tp/$deb" ]; then
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null; then
    echo "zbar: enabling deb-src entries"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    as_root apt-get update -qq
  fi
  (cd "$tp" && apt-get source --download-only zbar >/dev/null 2>&1) || true
  [ -f "$tp/$orig" ] && [ -f "$tp/$deb" ] || { as_root apt-get update -qq; (cd "$tp" && apt-get source --download-only zbar >/dev/null 2>&1) || true; }
fi
printf '%s  %s\n%s  %s\n' "$ORIG_SHA256" "$tp/$orig" "$DEB_SHA256" "$tp/$deb" | sha256sum -c --quiet - \
  || { echo "zbar: $orig or $deb missing or not the expected file (Debian ${ZBAR_VERSION}-${DEBIAN_REVISION})" >&2; exit 1; }
command -v patch >/dev/null || as_root apt-get install -y -qq patch >/dev/null

rm -rf "$dest"
mkdir -p "$dest"
# The library's headers, the image scanner, the line scanner + decoder core, the QR finder and the
# QR decoder: nothing else is compiled (cmake/web.cmake lists the .c files).
tar -xzf "$tp/$orig" -C "$dest" --strip-components=1 --wildcards \
  'zbar-*/include/zbar.h' 'zbar-*/zbar/*.h' 'zbar-*/zbar/decoder/qr_finder.*' 'zbar-*/zbar/qrcode/*' \
  'zbar-*/zbar/img_scanner.c' 'zbar-*/zbar/scanner.c' 'zbar-*/zbar/decoder.c' 'zbar-*/zbar/image.c' \
  'zbar-*/zbar/symbol.c' 'zbar-*/zbar/refcnt.c' 'zbar-*/zbar/error.c' 'zbar-*/zbar/config.c'
patchname=0003-CVE-2023-40889-qrdec.c-Fix-array-out-of-bounds-acces.patch
tar -xJf "$tp/$deb" -C "$dest" "debian/patches/$patchname"
(cd "$dest" && patch -p1 --quiet < "debian/patches/$patchname")
# What configure would write for this build: QR codes only, no threads, no statistics.
cat > "$dest/config.h" <<'CONFIG'
#define ENABLE_QRCODE 1
#define HAVE_ERRNO_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_UNISTD_H 1
#define NO_STATS 1
#define ZBAR_VERSION_MAJOR 0
#define ZBAR_VERSION_MINOR 23
#define ZBAR_VERSION_PATCH 92
CONFIG
[ -f "$dest/zbar/qrcode/qrdec.c" ] && [ -f "$dest/include/zbar.h" ] || { echo "zbar: sources not found in $orig" >&2; exit 1; }
touch "$stamp"
echo "zbar: $ZBAR_VERSION-$DEBIAN_REVISION (QR decoder) ready in $dest"

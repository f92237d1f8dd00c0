#!/usr/bin/env bash
# Fetches Nayuki's QR Code generator (its C library only) from Debian's SOURCE package
# qr-code-generator into build/thirdparty/qrcodegen-c/ (never committed). No compiler needed: CMake
# runs this at configure time and compiles the one .c into the core. A no-op once unpacked.
# Usage: tools/qrcodegen.sh [THIRDPARTY_DIR]   (default: build/thirdparty)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tp=${1:-$root/build/thirdparty}
QRCODEGEN_VERSION=1.8.0
orig="qr-code-generator_${QRCODEGEN_VERSION}.orig.tar.gz"
ORIG_SHA256=2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60  # Debian 1.8.0-1.1
dest="$tp/qrcodegen-c"
stamp="$dest/.done-$QRCODEGEN_VERSION"
[ -f "$stamp" ] && exit 0
mkdir -p "$tp"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -f "$tp/$orig" ]; then
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null; then
    echo "qrcodegen: enabling deb-src entries"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
    as_root apt-get update -qq
  fi
  # The orig tarball is all we need (Debian's patches are packaging only), so a missing
  # debian.tar.xz on the mirror is not fatal: the checksum below decides.
  (cd "$tp" && apt-get source --download-only qr-code-generator >/dev/null 2>&1) || true
  [ -f "$tp/$orig" ] || { apt-get update -qq; (cd "$tp" && apt-get source --download-only qr-code-generator >/dev/null 2>&1) || true; }
fi
echo "$ORIG_SHA256  $tp/$orig" | sha256sum -c --quiet - \
  || { echo "qrcodegen: $orig missing or not the expected file" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
# Only the C library: two files (the C++ one pulls iostreams into the wasm, src/core/qr.cpp).
tar -xzf "$tp/$orig" -C "$dest" --strip-components=2 --wildcards '*/c/qrcodegen.c' '*/c/qrcodegen.h'
[ -f "$dest/qrcodegen.c" ] && [ -f "$dest/qrcodegen.h" ] || { echo "qrcodegen: sources not found in $orig" >&2; exit 1; }
touch "$stamp"
echo "qrcodegen: $QRCODEGEN_VERSION ready in $dest"

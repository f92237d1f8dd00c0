#!/usr/bin/env bash
# Installs what DigiReady needs on a Debian bookworm machine. Idempotent and quiet when all is there.
# Usage: tools/deps.sh [native|web|all]   (default: all)
set -euo pipefail
what=${1:-all}
cd "$(dirname "$0")/.."

# nodejs/npm in native too: tests/scale runs DuckDB (npm) over the CLI's export under ctest;
# time: /usr/bin/time gives the bench the CLI's peak memory.
# zbar-tools: zbarimg reads the app's QR codes back in tests/core/compact_test.cpp.
# python3-openpyxl: an independent reader of the .xlsx files (tests/cli/xlsx_check.py, tests/e2e/xlsx);
# libreoffice-calc-nogui: a real spreadsheet opening the CSV files (tests/cli/csv_spreadsheet_check.py);
# dpkg-dev and bzip2: tools/xlsxwriter.sh fetches and unpacks libxlsxwriter and zlib source packages.
native_pkgs=(cmake ninja-build g++ clang libclang-rt-14-dev libcereal-dev googletest libbenchmark-dev time nodejs npm zbar-tools
  rapidjson-dev dpkg-dev bzip2 python3-openpyxl libreoffice-calc-nogui)
web_pkgs=(emscripten cmake ninja-build dpkg-dev bzip2 rapidjson-dev libcereal-dev python3-fonttools fonts-noto-core chromium nodejs npm
  python3-openpyxl)
case "$what" in
  native) pkgs=("${native_pkgs[@]}") ;;
  web) pkgs=("${web_pkgs[@]}") ;;
  all) pkgs=("${native_pkgs[@]}" "${web_pkgs[@]}") ;;
  *) echo "usage: $0 [native|web|all]" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
# npm may come with the machine's own Node.js rather than Debian's package.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do case $p in nodejs|npm) ;; *) tmp+=("$p");; esac; done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages from the committed lock file: playwright-core (browser tests, web) and
# @duckdb/node-api (tests/scale, native).
need=(node_modules/@duckdb/node-api)
[ "$what" != native ] && need+=(node_modules/playwright-core node_modules/axe-core)
missing_npm=false
for d in "${need[@]}"; do [ -d "$d" ] || missing_npm=true; done
if $missing_npm || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install` (not `npm ci`): npm 11's ci rejects this lock file for the closure compiler's
  # optional per-OS packages it never lists; install still takes the locked versions.
  echo "deps: npm install (locked versions)"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi

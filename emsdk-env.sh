# Source this file: puts an Emscripten on PATH and exports what the build needs.
#   . ./emsdk-env.sh
# Picks, in order: the emsdk named by $EMSDK, an ./emsdk checkout, else Debian's emscripten
# (installed with apt if missing). Safe under `set -u`.
_dr_root=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
if [ -n "${EMSDK:-}" ] && [ -f "${EMSDK}/emsdk_env.sh" ]; then
  . "${EMSDK}/emsdk_env.sh" >/dev/null 2>&1
  echo "emsdk-env: using emsdk at ${EMSDK}"
elif [ -f "${_dr_root}/emsdk/emsdk_env.sh" ]; then
  . "${_dr_root}/emsdk/emsdk_env.sh" >/dev/null 2>&1
  echo "emsdk-env: using emsdk at ${_dr_root}/emsdk"
else
  if ! command -v emcc >/dev/null 2>&1 || [ ! -x /usr/bin/emcc ]; then
    if [ "$(id -u)" = 0 ]; then _dr_sudo=; else _dr_sudo=sudo; fi
    $_dr_sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $_dr_sudo apt-get install -y -qq emscripten >/dev/null
    unset _dr_sudo
  fi
  # Debian's emcc runs its JS tools with the system node, which must find Debian's acorn etc.
  export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:${NODE_PATH}}"
  echo "emsdk-env: using Debian emscripten $(emcc --version 2>/dev/null | head -n1 | sed -E 's/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/')"
fi
# Debian's closure compiler is too old for this emscripten; the npm one (package.json) works.
if [ -x "${_dr_root}/node_modules/.bin/google-closure-compiler" ]; then
  export EM_CLOSURE_COMPILER="${_dr_root}/node_modules/.bin/google-closure-compiler"
fi
unset _dr_root

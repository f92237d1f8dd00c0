// Marks where code that never runs before the second frame starts (docs/size.md, "Code loaded
// after the first frame"): such a function stays a function of its own, so that tools/split-wasm.py
// (which names it in ROOTS) can move it, with what only it calls, into digiready.deferred.wasm.
// Keeping it out of line takes both the attribute (LLVM) and wasm-opt's limit on folding a
// function into its only caller (cmake/web.cmake).
#pragma once

#define DR_LATER_CODE __attribute__((noinline))

#!/usr/bin/env python3
"""Cuts the linked app (a wasm with function names) into what the first frame needs and the rest.

    split-wasm.py LINKED.wasm PRIMARY.wasm DEFERRED.wasm

The rule, decided here from names and calls and not by a profile: the deferred part is every
function that only code which never runs before the second frame reaches. Such code starts at ROOTS
below. A function stays in the primary module when it can be reached, by direct calls that do not
pass through a root, from an export or from a function in the table (an indirect call could reach
those from anywhere), except table entries this app never calls (NEVER_CALLED) and lambdas made
only inside deferred functions. wasm-split then moves the rest into DEFERRED.wasm, which
src/platform/later_code.js loads after the first frame; if the rule is ever wrong, the function
still runs (loaded on the spot) and the page logs a console error, which fails the browser tests.
docs/size.md has the sizes.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Where code that never runs before the second frame starts (src/platform/later_code.hpp): the
# screens after home (App::draw calls them through a table, src/ui/app.cpp, so none is folded into
# its caller), the surveys' arrival (the page hands them over only once the deferred part is in,
# platform_web.cpp), the organiser's import work (only on its screen or during an import) and the
# test hook's state (the page answers {} until the deferred part is in, platform_web.cpp).
ROOTS = [
    r'ui::draw_(intro|question|review|results|organiser|qr|scan|space)\(ui::App&\)',
    r'ui::App::on_surveys\(.*\)',
    r'ui::\(anonymous namespace\)::organiser_work_now\(ui::App&, bool\)',
    r'ui::hook_state_json\(ui::App&\)',
]
ROOT = re.compile('^(' + '|'.join(ROOTS) + ')$')
# Functions in the table that this app never calls at all, so they need not be in the first part:
# ImGui's .ini readers and writers (io.IniFilename is null and no .ini is ever loaded or saved,
# src/main.cpp).
NEVER_CALLED = re.compile(r'^((Window|Table)SettingsHandler_\w+)(\(|$)')
EDGE = re.compile(r'^\s*"(.*)" -> "(.*)"; // call$')
NODE = re.compile(r'^\s*"(.*)" \[(.*)\];$')


def call_graph(wasm):
    """(defined functions, direct calls, functions reachable from outside: exports, table)."""
    # Binaryen's DOT: a white node per defined function, a gray one per export, a rounded one per
    # function in the table, an edge per direct call.
    dot = subprocess.run(['wasm-opt', str(wasm), '--print-call-graph', '-o', '/dev/null'],
                         check=True, capture_output=True, text=True).stdout
    defined, calls, keep_roots = set(), {}, set()
    for line in dot.splitlines():
        edge = EDGE.match(line)
        if edge:
            calls.setdefault(edge.group(1), set()).add(edge.group(2))
            continue
        node = NODE.match(line)
        if not node:
            continue
        name, attrs = node.groups()
        if 'rounded' in attrs or 'gray' in attrs:
            keep_roots.add(name)
        elif 'white' in attrs:
            defined.add(name)
    return defined, calls, keep_roots


def readable(name):
    """Binaryen writes a name's special characters as \\hex (\\28 for '(')."""
    return re.sub(r'\\([0-9a-f]{2})', lambda m: chr(int(m.group(1), 16)), name)


def is_root(name):
    return ROOT.match(readable(name)) is not None


# A lambda's (or local class's) code is named after the function it is written in, e.g.
# "std::__2::__function::__func<ui::draw_x(ui::App&)::$_0, ...>::operator()(...)". Its closure can
# only be made in that function, so it is needed before the deferred part only if that function is.
OWNER = re.compile(r'([A-Za-z_][\w:~]*\([^()]*\)(?: const)?)::(?:\$_\d+|\'lambda\d*\'|\{lambda)')


def owners(name):
    return set(OWNER.findall(readable(name)))


def primary_functions(defined, calls, keep_roots):
    """Functions reachable before the deferred part arrives, to a fixed point: a table entry counts
    once the function its closure is made in (if any) is reachable."""
    by_readable = {readable(f): f for f in defined}
    waiting = {}  # table entry -> the functions its closure is made in
    for f in keep_roots:
        if not is_root(f) and not NEVER_CALLED.match(readable(f)):
            waiting[f] = {by_readable[o] for o in owners(f) if o in by_readable}
    seen = set()
    while True:
        todo = [f for f, own in waiting.items() if not own or own & seen]
        if not todo:
            return seen
        for f in todo:
            del waiting[f]
        while todo:
            f = todo.pop()
            if f in seen or f not in defined:
                continue
            seen.add(f)
            todo.extend(c for c in calls.get(f, ()) if not is_root(c))


def main(linked, primary, deferred):
    defined, calls, keep_roots = call_graph(linked)
    for pattern in ROOTS:  # each names one function: a renamed or inlined one must not go unnoticed
        found = [readable(f) for f in defined if re.fullmatch(pattern, readable(f))]
        if len(found) != (8 if 'draw_' in pattern else 1):
            sys.exit(f'split-wasm: {pattern} matches {found}')
    keep = primary_functions(defined, calls, keep_roots)
    split = sorted(defined - keep)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write(''.join(name + '\n' for name in split))
        listing = f.name
    try:
        subprocess.run(['wasm-split', str(linked), '--enable-mutable-globals', '--split-funcs=@' + listing,
                        '-o1', str(primary), '-o2', str(deferred)], check=True)
    finally:
        Path(listing).unlink()
    print(f'split-wasm: {len(keep)} functions for the first frame, {len(split)} after it')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])

#!/usr/bin/python3
"""Where the bytes of digiready.wasm go (docs/size.md). Reads a wasm linked with function names
(em++ ... --profiling-funcs, see docs/size.md for the command) and prints, per part of the program,
its code bytes raw and brotli'd together, then the data segments. Parts are told apart by the
(demangled) function name; after link-time optimisation, code inlined into a caller counts for the
caller (most of the UI sits in frame() and main()). Usage: tools/size-audit.py NAMED.wasm"""
import collections
import re
import subprocess
import sys

import brotli

PARTS = [  # first match wins
    ('ui (frame, main: screens inlined)', r'^\(anonymous namespace\)::frame\(|^main$'),
    ('rapidjson templates', r'rapidjson::'),
    ('qrcodegen (C)', r'qrcodegen|^(drawFormatBits|reedSolomon|addEccAndInterleave|fillRectangle|drawCodewords|applyMask|getPenaltyScore|finderPenalty)'),
    ('ImGui + stb_truetype/rect_pack', r'^(void |bool |int |float )?(Im|ImGui|stbtt|stbrp|stb_)|ImGui'),
    ('page input (platform::PageInput, html5 handlers)', r'PageInput|^emscripten_'),
    ('ui', r'ui::'),
    ('app', r'app::'),
    ('core (dr::)', r'dr::'),
    ('platform seam', r'platform::'),
    ('compiler-rt (long double)', r'^__(add|sub|mul|div|ext|trunc|fix|float|lt|gt|eq|ne|ge|le|unord|compare)[a-z]*tf[23]'),
    ('libc++ / libc++abi', r'std::|__cxxabiv1|^operator (new|delete)'),
    ('libc (musl: printf, scanf, strtod, math, malloc)', r'.'),
]


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7f) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def read(wasm):
    b = open(wasm, 'rb').read()
    imports, bodies, names, data = 0, [], {}, []
    for sid, s in sections(b):
        if sid == 2:
            n, j = leb(s, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, j = leb(s, j)
                    j += ln
                kind = s[j]
                j += 1
                if kind == 0:
                    imports += 1
                    _, j = leb(s, j)
                elif kind in (1, 2):
                    j += kind == 1
                    flags = s[j]
                    _, j = leb(s, j + 1)
                    if flags & 1:
                        _, j = leb(s, j)
                else:
                    j += 2
        elif sid == 10:
            n, j = leb(s, 0)
            for _ in range(n):
                ln, k = leb(s, j)
                bodies.append(s[j:k + ln])
                j = k + ln
        elif sid == 11:
            n, j = leb(s, 0)
            for _ in range(n):
                flags, j = leb(s, j)
                if flags == 2:
                    _, j = leb(s, j)
                if flags != 1:
                    j = s.index(0x0b, j) + 1
                ln, j = leb(s, j)
                data.append(s[j:j + ln])
                j += ln
        elif sid == 0:
            ln, j = leb(s, 0)
            if s[j:j + ln] == b'name':
                j += ln
                while j < len(s):
                    sub = s[j]
                    size, j = leb(s, j + 1)
                    if sub == 1:
                        n, k = leb(s, j)
                        for _ in range(n):
                            idx, k = leb(s, k)
                            ln, k = leb(s, k)
                            names[idx] = s[k:k + ln].decode('utf8', 'replace')
                            k += ln
                    j += size
    raw = [names.get(imports + i, f'f{imports + i}') for i in range(len(bodies))]
    demangled = subprocess.run(['llvm-cxxfilt'], input='\n'.join(raw), capture_output=True, text=True).stdout.split('\n')
    return list(zip(demangled, bodies)), data


def main():
    funcs, data = read(sys.argv[1])
    parts = collections.defaultdict(list)
    for name, body in funcs:
        part = next(p for p, rx in PARTS if re.search(rx, name))
        parts[part].append(body)
    code = b''.join(b for _, b in funcs)
    print(f'{"part":50} {"functions":>9} {"raw":>9} {"brotli*":>9}')
    for part, _ in PARTS:
        bs = parts.get(part, [])
        blob = b''.join(bs)
        print(f'{part:50} {len(bs):9} {len(blob):9} {len(brotli.compress(blob, quality=11)):9}')
    print(f'{"all code":50} {len(funcs):9} {len(code):9} {len(brotli.compress(code, quality=11)):9}')
    print('(* each part compressed alone: the parts add up to more than all code compressed together)')
    print(f'\ndata: {len(data)} segments, {sum(map(len, data))} bytes; the largest:')
    for seg in sorted(data, key=len, reverse=True)[:6]:
        head = re.sub(rb'[^\x20-\x7e]', b'.', seg[:48]).decode()
        print(f'  {len(seg):7} raw {len(brotli.compress(seg, quality=11)):6} brotli  {head}')


if __name__ == '__main__':
    main()

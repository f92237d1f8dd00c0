#!/usr/bin/python3
"""Copies a JSON file without the whitespace between tokens (strings are kept byte for byte).

Surveys are written pretty for people and shipped compact for phones. Usage: minify-json.py IN OUT
"""
import sys


def minify(data: bytes) -> bytes:
    out = bytearray()
    in_string = escaped = False
    for b in data:
        if in_string:
            out.append(b)
            if escaped:
                escaped = False
            elif b == 0x5C:  # backslash
                escaped = True
            elif b == 0x22:  # closing quote
                in_string = False
        elif b in b' \t\r\n':
            continue
        else:
            out.append(b)
            if b == 0x22:
                in_string = True
    return bytes(out)


if __name__ == '__main__':
    with open(sys.argv[1], 'rb') as f:
        text = f.read()
    with open(sys.argv[2], 'wb') as f:
        f.write(minify(text) + b'\n')

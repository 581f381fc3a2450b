#!/usr/bin/env python3
"""Writes a JSON file without the whitespace between tokens (strings are copied byte for byte).

Used by cmake/embed_files.cmake for the browser build, where every byte is downloaded.
Usage: minify_json.py IN OUT   (OUT "-" writes to standard output)
"""
import os
import sys


def minify(text: bytes) -> bytes:
    out = bytearray()
    in_string = escaped = False
    for byte in text:
        if in_string:
            out.append(byte)
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
            out.append(byte)
        elif byte not in b" \t\r\n":
            out.append(byte)
    return bytes(out)


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        data = minify(f.read())
    if dst == "-":
        sys.stdout.buffer.write(data)
        return
    with open(dst + ".tmp", "wb") as f:
        f.write(data)
    os.replace(dst + ".tmp", dst)


if __name__ == "__main__":
    main()

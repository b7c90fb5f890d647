#!/usr/bin/env python3
"""Writes a libFuzzer seed corpus: one file per line of each --lines file (with
a selector byte first, cycled as replay_main.c does) and one per whole file.

Usage: seed_corpus.py OUTDIR [--lines] FILE...
"""
import hashlib
import os
import sys


def main() -> int:
    out, args = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    lines, selector, n = False, 0, 0

    def put(data: bytes) -> None:
        nonlocal n
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        n += 1

    for arg in args:
        if arg == "--lines":
            lines = True
            continue
        if not os.path.exists(arg):
            continue
        data = open(arg, "rb").read()
        put(data[: 1 << 20])
        if lines:
            for line in data.split(b"\n"):
                put(bytes([(selector * 37) & 0xFF]) + line)
                selector += 1
    print(f"seed corpus: {n} inputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

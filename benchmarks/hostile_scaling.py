#!/usr/bin/env python3
"""Hostile inputs through the CLI at 1 MB and 4 MB: the time ratio, the exit
status and the peak memory of each, every run a cold process (what a user
sees). The same families as bench_hostile.cpp. The goal (issue 8): exit 0 or
1 with a message, and 4x the input in at most 4.8x the time.

Usage: hostile_scaling.py build/skaz [--runs 3]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

FAMILIES = {
    "guillemets": lambda n: "\u00ab" * (n // 2),
    "quotes": lambda n: '"' * n,
    "nested": lambda n: "\u00ab\u201e\"" * (n // 12) + "word" + "\"\u201c\u00bb" * (n // 12),
    "no_spaces": lambda n: "a" * n,
    "dots": lambda n: ". " * (n // 2),
    "nul": lambda n: "x\0" * (n // 2),
    "invalid_utf8": None,  # bytes, below
    "whitespace": lambda n: " \n" * (n // 2),
    "news_like": lambda n: "Pavel Orlov, the head of the agency, said \u00abyes\u00bb. " * (n // 60),
    "many_roles": lambda n: many_roles(n),
    "many_offices": lambda n: many_roles(n, holders=False),
}


def many_roles(n: int, holders: bool = True) -> str:
    """A new person with a role of their own a line, the role recurring alone:
    as many roles as lines (a search per role would be quadratic); without
    holders, as many offices (entities of type role)."""
    def word(i: int) -> str:
        return "".join("bcdfghklmnprstvzaeiou"[(i // 21 ** k) % 21] for k in range(5))
    out, size, i = [], 0, 0
    while size < n:
        name = f" Ivan {word(i + 7).capitalize()}ov" if holders else ""
        line = (f"The head of {word(i).capitalize()}{name} spoke. "
                f"The head of {word(i).capitalize()} left.\n")
        out.append(line)
        size += len(line)
        i += 1
    return "".join(out)


def data(name: str, n: int) -> bytes:
    if name == "invalid_utf8":
        unit = b"Text \xc0\xaf \xed\xa0\x80 "
        return unit * (n // len(unit))
    return FAMILIES[name](n).encode("utf-8")


def run(skaz: str, path: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    p = subprocess.run([skaz, "analyze", "--replace-invalid", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    return time.perf_counter() - t0, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("skaz")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in FAMILIES:
            times = {}
            for mb in (1, 4):
                path = os.path.join(tmp, f"{name}{mb}.txt")
                with open(path, "wb") as f:
                    f.write(data(name, mb << 20))
                best, rc = min(run(a.skaz, path) for _ in range(a.runs))
                if rc not in (0, 1):
                    print(f"{name} {mb} MB: exit status {rc}")
                    return 1
                times[mb] = best
            ratio = times[4] / times[1]
            worst = max(worst, ratio)
            print(f"{name:13} 1 MB {times[1]:6.3f} s   4 MB {times[4]:6.3f} s   ratio {ratio:4.2f}x")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"worst ratio {worst:.2f}x (goal <= 4.8x); peak RSS of any run {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

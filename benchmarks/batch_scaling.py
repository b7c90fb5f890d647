#!/usr/bin/env python3
"""skaz analyze --jsonl over --jobs: wall time, MB/s, MB/s per core, peak memory.

Usage: batch_scaling.py build/skaz [CORPUS.jsonl] [--mb 100] [--jobs 1,2]

The corpus (default ../shared/data/corpus/news_en_mt.jsonl) is repeated into a
temporary file of about --mb megabytes; each --jobs value runs on it once, its
output discarded. Peak memory is the child's maximum resident set size.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("skaz")
    ap.add_argument("corpus", nargs="?", default=os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "corpus", "news_en_mt.jsonl"))
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--jobs", default="1,2")
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print(f"batch_scaling: {a.corpus} not found; skipping")
        return 0
    data = open(a.corpus, "rb").read()
    if not data.endswith(b"\n"):
        data += b"\n"
    copies = max(1, int(a.mb * 1e6 / len(data) + 0.5))
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
        for _ in range(copies):
            f.write(data)
        f.flush()
        size = f.tell() / 1e6
        print(f"input: {copies} x {os.path.basename(a.corpus)} = {size:.1f} MB")
        base = None
        for jobs in [int(j) for j in a.jobs.split(",")]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t0 = time.perf_counter()
            subprocess.run([a.skaz, "analyze", "--jsonl", "--quiet", "--jobs", str(jobs), f.name],
                           stdout=subprocess.DEVNULL, check=True)
            s = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            base = base or s
            print(f"--jobs {jobs}: {s:6.2f} s  {size / s:6.1f} MB/s  {size / s / jobs:6.1f} MB/s per job  "
                  f"speed-up {base / s:4.2f}x  peak RSS {max(peak, before) / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs a Google Benchmark binary whose benchmarks are named
"<task>/<engine>/<corpus>" and prints MB/s per engine and skaz's ratio to
each peer, per task and corpus.

  benchmarks/ratios.py build/benchmarks/bench_segment [--benchmark_min_time=0.5]
"""
import json
import subprocess
import sys
from collections import defaultdict


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = [sys.argv[1], "--benchmark_format=json"] + sys.argv[2:]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = json.loads(out)["benchmarks"]
    speed = defaultdict(dict)  # (task, corpus) -> engine -> MB/s
    for r in rows:
        parts = r["name"].split("/")
        if len(parts) < 3 or "bytes_per_second" not in r:
            continue
        task, engine, corpus = parts[0], parts[1], parts[2]
        speed[(task, corpus)][engine] = r["bytes_per_second"] / 1e6
    peers = sorted({e for v in speed.values() for e in v if e != "skaz"})
    print(f"{'task':10} {'corpus':18} {'skaz MB/s':>10} " + " ".join(f"{p + ' MB/s':>18} {'ratio':>6}" for p in peers))
    for (task, corpus), v in sorted(speed.items()):
        s = v.get("skaz")
        line = f"{task:10} {corpus:18} {s:10.1f} " if s else f"{task:10} {corpus:18} {'-':>10} "
        for p in peers:
            if p in v and s:
                line += f"{v[p]:18.1f} {s / v[p]:6.2f}"
            else:
                line += f"{'-':>18} {'-':>6}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

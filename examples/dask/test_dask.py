#!/usr/bin/env python3
"""Runs analyze_corpus.py on a small corpus with a LocalCluster of two workers
and checks the output against `skaz analyze --jsonl` line by line.
Exits 77 (skipped) when Dask is not installed (Debian: python3-dask,
python3-distributed).

Usage: test_dask.py --skaz build/skaz --corpus examples/data/corpus.jsonl --out DIR
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skaz", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    try:
        import dask.bag  # noqa: F401
        import dask.distributed  # noqa: F401
    except ImportError as exc:
        print(f"Dask is not installed ({exc}): skipping the Dask example")
        return 77
    os.makedirs(a.out, exist_ok=True)
    out = os.path.join(a.out, "dask_out.jsonl")
    # a small block size: several partitions, so order across them is tested
    subprocess.run([sys.executable, os.path.join(HERE, "analyze_corpus.py"), a.corpus, out,
                    "--workers", "2", "--blocksize", "4KiB"], check=True)
    got = [json.loads(line) for line in open(out, encoding="utf-8")]
    want = [json.loads(line) for line in subprocess.run(
        [a.skaz, "analyze", "--jsonl", a.corpus], capture_output=True, check=True).stdout.splitlines()]
    ids = [json.loads(line)["id"] for line in open(a.corpus, encoding="utf-8") if line.strip()]
    if [g["id"] for g in got] != ids:
        print("FAIL: ids out of order or missing:", [g["id"] for g in got])
        return 1
    if got != want:
        bad = next(i for i, (g, w) in enumerate(zip(got, want)) if g != w)
        print(f"FAIL: document {ids[bad]} differs from skaz analyze --jsonl")
        return 1
    print(f"dask: {len(got)} documents, the same analyses as skaz analyze --jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A JSONL corpus through skaz on a Dask cluster.

    analyze_corpus.py CORPUS.jsonl OUT.jsonl [--workers 2] [--scheduler tcp://host:8786]

Each input line is {"id", "text", "lang"?}; each output line is the analysis
(docs/output.md) with the same "id", in input order. Without --scheduler the
script starts a LocalCluster of --workers processes on this machine; with it,
the same code runs on any Dask cluster whose workers have the skaz package
(pip install ./bindings/python) and can read CORPUS (a shared file system, or
any URL Dask reads: s3://, gs://, http://). Each worker process loads libskaz
through ctypes once and keeps one Pipeline.
"""
import argparse
import json
import sys
import time

import dask.bag as db
from dask.distributed import Client, LocalCluster

_PIPELINE = None  # one per worker process


def analyze_partition(lines):
    """Analyses one partition of JSONL lines on a worker; returns output lines."""
    global _PIPELINE
    import skaz  # loaded in the worker, through ctypes

    if _PIPELINE is None:
        _PIPELINE = skaz.Pipeline()
    out = []
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        with _PIPELINE.analyze(rec["text"], rec.get("lang") or None) as doc:
            analysis = json.loads(doc.to_json())
        out.append(json.dumps({"id": rec.get("id"), **analysis}, ensure_ascii=False))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--blocksize", default="1MiB", help="bytes of input per partition")
    a = ap.parse_args()

    t0 = time.perf_counter()
    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        lines = db.read_text(a.corpus, blocksize=a.blocksize, linedelimiter="\n")
        results = lines.map_partitions(analyze_partition).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(a.out, "w", encoding="utf-8") as f:
        for line in results:
            f.write(line + "\n")
    quotes = sum(len(json.loads(r)["quotes"]) for r in results)
    print(f"{len(results)} documents, {quotes} quotes, {a.workers if not a.scheduler else 'cluster'} "
          f"workers, {time.perf_counter() - t0:.1f} s -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

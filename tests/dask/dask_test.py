#!/usr/bin/env python3
"""Geocoding an archive on a local Dask cluster gives what one process gives.

A local cluster of separate worker processes (dask.distributed, Debian's python3-distributed)
talking TCP on 127.0.0.1 geocodes a generated archive (bench/make_archive.py, deterministic):
a dask.bag of the archive's lines, each partition piped through `mapwire geocode --ndjson -`
in a subprocess on its worker, as a Spark or Hadoop streaming job would (docs/scale.md). The
result is compared line by line with one `mapwire geocode --ndjson` process over the whole
archive. Throughput is printed (articles per second per worker), never asserted: speed
belongs to benchmarks. Exit 77 (skipped) when dask.distributed cannot be imported.

Usage: dask_test.py --mapwire BIN --data DIR [--lines N] [--workers N] [--partitions N]
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import time

SKIP = 77


def load_archive(lines):
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "bench", "make_archive.py")
    spec = importlib.util.spec_from_file_location("make_archive", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import json
    return [json.dumps(module.item(i), ensure_ascii=False) for i in range(lines)]


def geocode(mapwire, data, lines):
    """One `mapwire geocode --ndjson -` process over `lines`: its output lines, in order."""
    run = subprocess.run([mapwire, "--data", data, "geocode", "--ndjson", "-"],
                         input="".join(l + "\n" for l in lines), capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError("mapwire geocode --ndjson failed (exit %d): %s"
                           % (run.returncode, run.stderr.strip()))
    return run.stdout.splitlines()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mapwire", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--lines", type=int, default=100000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        print("SKIP: dask.distributed is not installed (%s): apt-get install "
              "python3-distributed" % e)
        return SKIP
    mapwire, data = os.path.abspath(args.mapwire), os.path.abspath(args.data)
    archive = load_archive(args.lines)

    t0 = time.monotonic()
    reference = geocode(mapwire, data, archive)
    single = time.monotonic() - t0
    # A real comparison: every line geocoded, none an error record.
    located = sum('"mentions":[{' in line for line in reference)
    if any('"error":' in line for line in reference) or located < len(archive) * 0.9:
        print("FAIL: the single-process run geocoded %d of %d lines" % (located, len(archive)))
        return 1

    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           protocol="tcp", host="127.0.0.1", dashboard_address=None)
    try:
        with Client(cluster) as client:
            workers = client.scheduler_info()["workers"]
            assert len(workers) == args.workers, workers
            assert all(w.startswith("tcp://127.0.0.1:") for w in workers), workers
            # Each worker is a process of its own, not a thread of this one.
            pids = set(client.run(os.getpid).values())
            assert len(pids) == args.workers and os.getpid() not in pids, pids
            t0 = time.monotonic()
            bag = db.from_sequence(archive, npartitions=args.partitions)
            out = bag.map_partitions(lambda part: geocode(mapwire, data, list(part))).compute()
            distributed_s = time.monotonic() - t0
    finally:
        cluster.close()

    if len(out) != len(reference):
        print("FAIL: %d lines from the cluster, %d from one process" % (len(out), len(reference)))
        return 1
    for n, (a, b) in enumerate(zip(out, reference), 1):
        if a != b:
            print("FAIL: line %d differs\n  cluster: %s\n  single:  %s" % (n, a[:300], b[:300]))
            return 1
    print("dask: %d articles, %d lines identical to one process" % (len(archive), len(out)))
    print("one process: %.2f s, %.0f articles/s" % (single, len(archive) / single))
    print("cluster of %d workers (TCP 127.0.0.1, %d partitions): %.2f s, %.0f articles/s, "
          "%.0f articles/s per worker"
          % (args.workers, args.partitions, distributed_s, len(archive) / distributed_s,
             len(archive) / distributed_s / args.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())

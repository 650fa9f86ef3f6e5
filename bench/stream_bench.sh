#!/usr/bin/env bash
# Throughput and peak memory of `mapwire geocode --ndjson` and `extract --ndjson` on generated
# streams, with 1 and 2 threads. The stream: short news items, the ACLED notes of the shared
# dev set (476 real notes, about 300 bytes each; the project's own examples without
# ../shared/), repeated with fresh ids until the stream has N lines; each line
# {"id": N, "text": ...}. Usage: bench/stream_bench.sh [LINES...]   (default: 10000 100000)
# With --long (issue #15): a stream of long articles instead, as the geoparsing benchmark's
# long-form figure but through the whole program: each line is real
# news run together, consecutive GeoVirus WikiNews articles of ../shared (the examples and the
# seed article without it) joined by blank lines until the text has LONG_BYTES (30000, so
# 30-35 KB a line), the articles taken in turn and repeated with fresh ids.
# Usage: bench/stream_bench.sh --long [LINES...]   (default: 200, about 6.5 MB)
# docs/scale.md quotes runs of these streams (10,000 and 100,000 short lines, 1,000 long) and
# one run of each command with --jobs 2 on 1,000,000 short lines for peak memory (28 s for
# extract, 13 s for geocode on the 2-core machine).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAPWIRE="${MAPWIRE_BIN:-$ROOT/build/src/mapwire}"
[ -x "$MAPWIRE" ] || { echo "build mapwire first (bash scripts/setup.sh)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LONG=0
[ "${1:-}" = "--long" ] && { LONG=1; shift; }
LONG_BYTES=30000  # the length a long article grows to before the next one starts
SOURCE="$ROOT/../shared/fixtures/geoparse-dev/acled_dev.jsonl"
[ "$LONG" = 1 ] && SOURCE="$ROOT/../shared/fixtures/geoparse-dev/geovirus.jsonl"
python3 - "$SOURCE" "$ROOT/examples" "$WORK/items.txt" "$LONG" "$LONG_BYTES" <<'PY'
import json, os, sys
source, examples, out, long, long_bytes = sys.argv[1:]
texts = []
if os.path.exists(source):
    texts = [json.loads(l)["text"] for l in open(source, encoding="utf-8") if l.strip()]
else:
    texts = [open(os.path.join(examples, f), encoding="utf-8").read()
             for f in sorted(os.listdir(examples)) if f.endswith(".txt")]
    seed = os.path.join(examples, "..", "..", "shared", "seed", "article.txt")
    if os.path.exists(seed): texts.append(open(seed, encoding="utf-8").read())
if long == "1":
    # Each text starts where the last one stopped, so that every article is used.
    joined, at = [], 0
    for _ in range(len(texts)):
        parts = []
        while sum(len(p.encode("utf-8")) + 2 for p in parts) < int(long_bytes):
            parts.append(texts[at % len(texts)].strip())
            at += 1
        joined.append("\n\n".join(parts))
        if at >= len(texts): break
    texts = joined
with open(out, "w", encoding="utf-8") as f:
    for t in texts: f.write(json.dumps(t) + "\n")
PY
if [ "$LONG" = 1 ]; then
  set -- "${@:-200}"
  commands=(geocode extract)
else
  set -- "${@:-10000 100000}"
  commands=(geocode extract)
fi
for lines in "$@"; do
  python3 - "$WORK/items.txt" "$lines" "$WORK/stream.ndjson" <<'PY'
import sys
items = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for i in range(n): f.write('{"id": %d, "text": %s}\n' % (i, items[i % len(items)]))
PY
  bytes=$(stat -c %s "$WORK/stream.ndjson")
  for cmd in "${commands[@]}"; do
    for jobs in 1 2; do
      /usr/bin/time -f "%e %M" -o "$WORK/time" "$MAPWIRE" "$cmd" --ndjson "$WORK/stream.ndjson" \
        --jobs "$jobs" > "$WORK/out-$jobs.ndjson"
      read -r secs kb < "$WORK/time"
      awk -v c="$cmd" -v n="$lines" -v j="$jobs" -v s="$secs" -v b="$bytes" -v kb="$kb" 'BEGIN {
        printf "%-8s %8d lines  --jobs %d  %6.2f s  %8.0f articles/s  %6.1f MB/s  %6.1f MB/s per core  peak %5.0f MiB\n",
               c, n, j, s, n / s, b / s / 1e6, b / s / 1e6 / j, kb / 1024 }'
    done
    cmp -s "$WORK/out-1.ndjson" "$WORK/out-2.ndjson" || echo "$cmd: --jobs 2 output differs" >&2
  done
done

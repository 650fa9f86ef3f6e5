#!/usr/bin/env bash
# Whole-process time of the commands that run without the GIS plugin (start-up, dataset open,
# work, exit): `mapwire geocode` on the seed article, `mapwire lookup`, and `mapwire --version`
# (start-up alone), median and fastest of 21 runs after a warm-up, peak memory, and how many
# shared objects the program loads; then lookup and geocode with a cold page cache (the
# program, its shared objects and the dataset's files dropped from the cache before each of 3
# runs; pages another process maps stay). `extract`, which loads the GIS plugin, is timed
# beside them.
# Usage: bench/startup_bench.sh [ARTICLE]   (default: the seed article in ../shared, else examples/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAPWIRE="${MAPWIRE_BIN:-$ROOT/build/src/mapwire}"
ARTICLE="${1:-$ROOT/../shared/seed/article.txt}"
[ -f "$ARTICLE" ] || ARTICLE="$ROOT/examples/article-kharkiv.txt"
[ -x "$MAPWIRE" ] || { echo "build mapwire first (bash scripts/setup.sh)" >&2; exit 1; }
RUNS=21
PEAK="$(mktemp)"
trap 'rm -f "$PEAK"' EXIT

# Times one command line RUNS times; $EPOCHREALTIME (bash 5) costs no process of its own.
bench() {
  local label="$1"; shift
  "$@" > /dev/null 2>&1 || true  # warm-up: page cache, dataset mapped once
  local times=() start end
  for _ in $(seq "$RUNS"); do
    start=$EPOCHREALTIME; "$@" > /dev/null 2>&1 || true; end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
  done
  local sorted median fastest peak
  sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
  median="$(sed -n "$(((RUNS + 1) / 2))p" <<< "$sorted")"
  fastest="$(head -n 1 <<< "$sorted")"
  /usr/bin/time -f '%M' -o "$PEAK" "$@" > /dev/null 2>&1 || true
  peak="$(tail -n 1 "$PEAK")"
  printf '%-22s median %6.1f ms   fastest %6.1f ms   peak %s MiB\n' "$label" "$median" \
    "$fastest" "$((peak / 1024))"
}

# Median of 3 runs, each after dropping the program's files from the page cache.
cold() {
  local label="$1"; shift
  local data="${MAPWIRE_DATA:-$(dirname "$MAPWIRE")/../geodata}"
  local files=("$MAPWIRE" $(ldd "$MAPWIRE" | awk '/=> \// { print $3 }')
               "$data/gazetteer.idx" "$data/lexicon.txt")
  local times=() start end
  for _ in 1 2 3; do
    python3 -c 'import os, sys
for p in sys.argv[1:]:
    if os.path.exists(p):
        fd = os.open(p, os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)' \
      "${files[@]}"
    start=$EPOCHREALTIME; "$@" > /dev/null 2>&1 || true; end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
  done
  printf '%-22s median %6.1f ms   (cold page cache)\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
}

echo "$MAPWIRE: $(ldd "$MAPWIRE" | wc -l) shared objects at start-up"
bench "--version" "$MAPWIRE" --version
bench "lookup Donetsk" "$MAPWIRE" lookup Donetsk
bench "geocode $(basename "$ARTICLE")" "$MAPWIRE" geocode "$ARTICLE"
bench "extract (plugin)" "$MAPWIRE" extract "$ARTICLE"
cold "lookup Donetsk" "$MAPWIRE" lookup Donetsk
cold "geocode $(basename "$ARTICLE")" "$MAPWIRE" geocode "$ARTICLE"

#!/usr/bin/env bash
# Whole-process time of the commands that run without the GIS plugin (start-up, dataset open,
# work, exit): `mapwire geocode` on the seed article, `mapwire lookup`, and `mapwire --version`
# (start-up alone), median and fastest of 21 runs after a warm-up, peak memory, and how many
# shared objects the program loads. `extract` (the first command that loads the plugin) is
# timed beside them to show what the plugin costs.
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

echo "$MAPWIRE: $(ldd "$MAPWIRE" | wc -l) shared objects at start-up"
bench "--version" "$MAPWIRE" --version
bench "lookup Donetsk" "$MAPWIRE" lookup Donetsk
bench "geocode $(basename "$ARTICLE")" "$MAPWIRE" geocode "$ARTICLE"
bench "extract (plugin)" "$MAPWIRE" extract "$ARTICLE"

#!/usr/bin/env bash
# Whole-process timing of `mapwire map` (start-up, geoparsing, extraction, rendering PNG, SVG
# and PDF at 2400x1600, GeoJSON), median of 5 runs after a warm-up, and peak memory; then what
# the web map (map.html) adds to a PNG map (budget: 0.2 s).
# Usage: bench/map_bench.sh [ARTICLE]   (default: the seed article in ../shared, else examples/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAPWIRE="${MAPWIRE_BIN:-$ROOT/build/src/mapwire}"
ARTICLE="${1:-$ROOT/../shared/seed/article.txt}"
[ -f "$ARTICLE" ] || ARTICLE="$ROOT/examples/article-kharkiv.txt"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
run() { "$MAPWIRE" map "$ARTICLE" --date 2025-04-09 --size 2400x1600 --out "$OUT" "$@" > /dev/null; }
for formats in png,svg,pdf png svg pdf png,html; do
  run --formats "$formats"  # warm-up
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N); run --formats "$formats"; end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  peak=$( { /usr/bin/time -f '%M' "$MAPWIRE" map "$ARTICLE" --date 2025-04-09 --size 2400x1600 --out "$OUT" --formats "$formats" > /dev/null; } 2>&1 | tail -1)
  printf '%-12s median %.3f s   peak %s MiB\n' "$formats" "$median" "$((peak / 1024))"
done
# What map.html adds: png and png,html run in turns, 9 pairs, the median of the differences
# (pairs keep a busy machine's swings out of the figure).
seconds() { local s e; s=$(date +%s.%N); run --formats "$1"; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f", b - a }'; }
diffs=()
for _ in 1 2 3 4 5 6 7 8 9; do
  a=$(seconds png); b=$(seconds png,html)
  diffs+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b - a }')")
done
added=$(printf '%s\n' "${diffs[@]}" | sort -n | sed -n 5p)
printf 'map.html adds %.3f s to a PNG map (median of 9 paired runs; budget 0.200 s); the page is %.2f MB\n' \
  "$added" "$(awk -v s="$(stat -c %s "$OUT/map.html")" 'BEGIN { print s / 1e6 }')"

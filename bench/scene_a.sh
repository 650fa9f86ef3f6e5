#!/usr/bin/env bash
# Scene A (../shared/bench/scene-a.md): whole process per format, median of 5 runs after a
# warm-up, and peak memory, to set beside Mapnik, QGIS and GMT's figures there.
# Usage: bench/scene_a.sh   (after scripts/setup.sh and a build of the bench targets)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${MAPWIRE_SCENE_A:-$ROOT/build/bench/mapwire_scene_a}"
[ -x "$BIN" ] || cmake --build "$ROOT/build" --target mapwire_scene_a >/dev/null
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for format in png svg pdf; do
  "$BIN" "$format" "$OUT/scene-a.$format" > /dev/null  # warm-up
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N); "$BIN" "$format" "$OUT/scene-a.$format" > /dev/null; end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  peak=$( { /usr/bin/time -f '%M' "$BIN" "$format" "$OUT/scene-a.$format" > /dev/null; } 2>&1 | tail -1)
  size=$(stat -c %s "$OUT/scene-a.$format")
  printf '%-4s median %.3f s   peak %s MiB   %s bytes\n' "$format" "$median" "$((peak / 1024))" "$size"
done
"$BIN" png "$OUT/scene-a.png"

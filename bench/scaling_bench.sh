#!/usr/bin/env bash
# Whether work stays linear in the input: `mapwire geocode`, `mapwire extract` and `mapwire map`
# on generated articles at two sizes each (one line of repeated event sentences; many short
# lines naming one city), wall time and peak memory. Doubling the input should about double
# the time; `bash bench/scaling_bench.sh 50` is the 50 MB article of issue 12.
# Usage: bench/scaling_bench.sh [MB]   (the larger size, default 4; the smaller is half)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAPWIRE="${MAPWIRE_BIN:-$ROOT/build/src/mapwire}"
MB="${1:-4}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP" "$MB" <<'PY'
import sys
tmp, mb = sys.argv[1], float(sys.argv[2])
sentence = ("Russian forces shelled Kupiansk in the Kharkiv region on Tuesday, killing 3 civilians, "
            "and Ukrainian troops captured 2 soldiers near Pokrovsk, Donetsk Oblast. ")
line = "Shelling hit Kharkiv."
for scale, name in ((0.5, "half"), (1.0, "full")):
    size = int(mb * scale * 1_000_000)
    open(f"{tmp}/one-line-{name}.txt", "w").write((sentence * (size // len(sentence) + 1))[:size])
    open(f"{tmp}/short-lines-{name}.txt", "w").write("\n".join([line] * (size // (len(line) + 1))))
PY
for kind in one-line short-lines; do
  for size in half full; do
    f="$TMP/$kind-$size.txt"
    for cmd in geocode extract map; do
      out=()
      [ "$cmd" = map ] && out=(--out "$TMP/map-$kind-$size")
      /usr/bin/time -f "%e %M" -o "$TMP/t" "$MAPWIRE" "$cmd" "$f" "${out[@]}" > /dev/null
      read -r secs kb < "$TMP/t"
      printf '%-8s %-12s %5s MB  %6.2f s  peak %5d MiB\n' "$cmd" "$kind" \
        "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1e6 }')" "$secs" $((kb / 1024))
    done
  done
done

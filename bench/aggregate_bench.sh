#!/usr/bin/env bash
# Time and peak memory of `mapwire render` drawing an aggregate map of N events (default
# 100000), by hexagon and by admin-1 unit, PNG only and PNG + SVG + aggregate.geojson.
# The table: bench/make_archive.py's N generated wire items (deterministic: the same N gives
# the same bytes), piped through `mapwire extract --ndjson` (about one event an item; the
# extraction is set-up, not timed). Usage: bench/aggregate_bench.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAPWIRE="${MAPWIRE_BIN:-$ROOT/build/src/mapwire}"
[ -x "$MAPWIRE" ] || { echo "build mapwire first (bash scripts/setup.sh)" >&2; exit 1; }
N="${1:-100000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/bench/make_archive.py" "$N" | "$MAPWIRE" extract --ndjson - --jobs 2 \
  > "$WORK/events.ndjson"
events=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('events', [])) for l in open(sys.argv[1])))" "$WORK/events.ndjson")
echo "table: $N items, $events events, $(du -h "$WORK/events.ndjson" | cut -f1) of NDJSON"
cat > "$WORK/maps.yaml" <<'YAML'
output_dir: out
defaults: {size: 2400x1600, dpi: 192}
maps:
  - {name: hex-png, events: events.ndjson, aggregate: {by: hexagon}, formats: [png]}
  - {name: hex-all, events: events.ndjson, aggregate: {by: hexagon}, formats: [png, svg]}
  - {name: units-png, events: events.ndjson, aggregate: {by: admin1}, formats: [png]}
YAML
for name in hex-png hex-all units-png; do
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$MAPWIRE" render "$WORK/maps.yaml" --only "$name" \
    --jobs 1 > /dev/null 2>&1
  read -r secs kb < "$WORK/time"
  printf "%-10s %6.2f s  peak %5.0f MiB\n" "$name" "$secs" "$(echo "$kb / 1024" | bc -l)"
done

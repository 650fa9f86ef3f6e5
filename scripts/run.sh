#!/usr/bin/env bash
# The main job: set-up (packages, data, build), then map the sample article in examples/:
# out/map.png, out/map.svg, out/map.pdf and the GeoJSON layers, plus the geocoding and
# extraction as JSON.
# Usage: scripts/run.sh [ARTICLE [DATE]]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MAPWIRE_BUILD_DIR:-$ROOT/build}"
ARTICLE="${1:-$ROOT/examples/article-kharkiv.txt}"
DATE="${2:-2025-03-03}"
MAPWIRE="$BUILD/src/mapwire"

bash "$ROOT/scripts/setup.sh"
mkdir -p "$ROOT/out"
"$MAPWIRE" geocode --date "$DATE" "$ARTICLE" > "$ROOT/out/places.json.tmp"
mv "$ROOT/out/places.json.tmp" "$ROOT/out/places.json"
"$MAPWIRE" extract --date "$DATE" "$ARTICLE" > "$ROOT/out/extract.json.tmp"
mv "$ROOT/out/extract.json.tmp" "$ROOT/out/extract.json"
"$MAPWIRE" map --date "$DATE" --source "mapwire sample article" --formats png,svg,pdf,html --out "$ROOT/out" "$ARTICLE" > "$ROOT/out/map-report.json.tmp"
mv "$ROOT/out/map-report.json.tmp" "$ROOT/out/map-report.json"
echo "written: out/map.png, out/map.svg, out/map.pdf, out/map.html, out/events.geojson, out/places.geojson, out/figures.geojson," >&2
echo "         out/places.json, out/extract.json, out/map-report.json" >&2

#!/usr/bin/env bash
# The main job: set-up (packages, data, build), then geocode the sample article in examples/
# and extract its events and figures with GeoJSON layers.
# Usage: scripts/run.sh [ARTICLE [DATE]]   (outputs in out/)
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
"$MAPWIRE" extract --date "$DATE" --geojson "$ROOT/out" "$ARTICLE" > "$ROOT/out/extract.json.tmp"
mv "$ROOT/out/extract.json.tmp" "$ROOT/out/extract.json"
"$MAPWIRE" geocode --format tsv "$ARTICLE" | cut -f1-4,6-9,12 | column -t -s "$(printf '\t')"
echo "written: out/places.json, out/extract.json, out/events.geojson, out/places.geojson, out/figures.geojson" >&2

#!/usr/bin/env bash
# The main job: set-up (packages, data, build), then geocode the sample article in examples/.
# Usage: scripts/run.sh [ARTICLE]   (output: out/places.json and a table on the terminal)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MAPWIRE_BUILD_DIR:-$ROOT/build}"
ARTICLE="${1:-$ROOT/examples/article-kharkiv.txt}"

bash "$ROOT/scripts/setup.sh"
mkdir -p "$ROOT/out"
"$BUILD/src/mapwire" geocode "$ARTICLE" > "$ROOT/out/places.json.tmp"
mv "$ROOT/out/places.json.tmp" "$ROOT/out/places.json"
"$BUILD/src/mapwire" geocode --format tsv "$ARTICLE" | cut -f1-4,6-9,12 | column -t -s "$(printf '\t')"
echo "written: out/places.json" >&2

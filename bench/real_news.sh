#!/usr/bin/env bash
# The real-news scorers of ../shared/eval on the development sets: geoparsing (GeoVirus
# WikiNews articles and ACLED notes) and event coding (ACLED's human coding of the notes).
# Prints their summary lines. Usage: bench/real_news.sh [--limit N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL="$ROOT/../shared/eval"
MAPWIRE="${MAPWIRE:-$ROOT/build/src/mapwire}"
[ -d "$EVAL" ] || { echo "no ../shared/eval beside the project: nothing to score" >&2; exit 0; }
[ -x "$MAPWIRE" ] || { echo "build mapwire first (bash scripts/setup.sh)" >&2; exit 1; }
python3 "$EVAL/geoparse_score.py" --cmd "$MAPWIRE geocode --format json {file}" --jobs 2 "$@" \
  | grep -E '^(corpus=|overall)'
# The events scorer as shipped stops at a note whose ACLED admin1 is empty (an event at sea)
# as soon as mapwire finds its event; that is reported rather than hidden.
if ! out="$(python3 "$EVAL/events_score.py" "$MAPWIRE" --jobs 2 "$@" 2>&1)"; then
  echo "events_score.py failed: $(printf '%s\n' "$out" | tail -n 1)" >&2
  exit 1
fi
printf '%s\n' "$out" | grep -E '^acled_events'

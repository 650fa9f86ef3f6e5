#!/usr/bin/env bash
# Runs every test: set-up (packages, sources, build, dataset), then the unit and dataset tests
# in the release build and again in an AddressSanitizer + UndefinedBehaviorSanitizer build.
# Usage: scripts/test.sh [--no-sanitizers]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MAPWIRE_BUILD_DIR:-$ROOT/build}"
JOBS="$(nproc 2>/dev/null || echo 2)"
log() { printf '[test] %s\n' "$*" >&2; }

bash "$ROOT/scripts/setup.sh"

log "release build: compiling tests"
cmake --build "$BUILD" -j "$JOBS" >/dev/null
log "release build: running tests"
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"

[ "${1:-}" = "--no-sanitizers" ] && exit 0

ASAN_BUILD="$ROOT/build-asan"
log "sanitizer build: compiling (ASan + UBSan)"
cmake -S "$ROOT" -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAPWIRE_SANITIZE=ON \
  -DMAPWIRE_BENCH=OFF -DMAPWIRE_DEFAULT_DATA_DIR="$BUILD/geodata" \
  -DMAPWIRE_SOURCES_DIR="$BUILD/sources" >/dev/null
cmake --build "$ASAN_BUILD" -j "$JOBS" >/dev/null
log "sanitizer build: running tests"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizer/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir "$ASAN_BUILD" --output-on-failure -j "$JOBS"

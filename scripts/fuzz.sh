#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz/ with libFuzzer (clang, ASan + UBSan) for SECONDS each
# (default 60), starting from the checked-in corpora; prints each target's executions,
# coverage and findings. Findings (crash-*, leak-*, timeout-*) are left in build-fuzz/findings/:
# add each to tests/fuzz/corpus/TARGET/ once fixed, so that the test suite replays it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (needs the dataset: bash scripts/setup.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-fuzz"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(text config style geonames control)
log() { printf '[fuzz] %s\n' "$*" >&2; }

if ! command -v clang++ > /dev/null; then
  log "installing clang (Debian package)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y clang > /dev/null
fi
[ -f "$ROOT/build/geodata/gazetteer.idx" ] || bash "$ROOT/scripts/setup.sh"

log "building the fuzz targets with clang and libFuzzer"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DMAPWIRE_FUZZ=ON -DMAPWIRE_BENCH=OFF \
  -DMAPWIRE_DEFAULT_DATA_DIR="$ROOT/build/geodata" > /dev/null
cmake --build "$BUILD" -j "$(nproc)" --target \
  $(printf 'mapwire_fuzz_%s ' "${TARGETS[@]}") > /dev/null

mkdir -p "$BUILD/findings"
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"  # grows with what the fuzzer finds; the seeds stay as checked in
  mkdir -p "$work"
  log "$t: ${SECONDS_EACH} s"
  # Leaks of the dataset opened once per process are not findings; the rest are.
  ASAN_OPTIONS="detect_leaks=0" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    "$BUILD/tests/fuzz/mapwire_fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 \
    -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$BUILD/findings/$t-" "$work" "$ROOT/tests/fuzz/corpus/$t" \
    > "$BUILD/findings/$t.log" 2>&1 || true
  execs="$(grep -m1 'stat::number_of_executed_units' "$BUILD/findings/$t.log" | awk '{print $2}')"
  cov="$(grep -o 'cov: [0-9]*' "$BUILD/findings/$t.log" | tail -1)"
  found="$(find "$BUILD/findings" \( -name "$t-crash-*" -o -name "$t-leak-*" -o -name "$t-timeout-*" \
    -o -name "$t-oom-*" -o -name "$t-slow-unit-*" \) | wc -l)"
  printf '%-9s executions %-10s %-12s findings %s\n' "$t" "${execs:-?}" "${cov:-cov: ?}" "$found"
done

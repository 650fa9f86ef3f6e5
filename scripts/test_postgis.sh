#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server for the datasource test: `start DIR` creates a
# cluster in DIR (as the postgres user when run as root: the server refuses root), listening on
# loopback only at MAPWIRE_TEST_PG_PORT (default 54329), creates the database mapwire_test with
# PostGIS and prints its GDAL connection string; `stop DIR` stops it and removes DIR.
set -euo pipefail

PORT="${MAPWIRE_TEST_PG_PORT:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "no PostgreSQL server installed" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    DIR="$2"
    rm -rf "$DIR" && mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --no-sync >"$DIR/initdb.log" 2>&1
    # Sockets in DIR, TCP on 127.0.0.1 only; fsync off: the data lives as long as the test.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres mapwire_test
    as_owner "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d mapwire_test \
      -c "CREATE EXTENSION postgis" >/dev/null
    echo "PG:dbname=mapwire_test host=127.0.0.1 port=$PORT user=postgres"
    ;;
  stop)
    DIR="$2"
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac

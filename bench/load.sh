#!/usr/bin/env bash
# Issue 15.7: 50 connections scrub the time slider (random windows and viewports) plus a trickle of writes against
# the app on PostgreSQL + PostGIS, with a PostgreSQL restart half-way. Bounded: DURATION (default 10m).
# Prints status counts, p50/p95/p99 latency, heap and connection-pool samples every 10 s, the restart's effect
# (failed requests, seconds until reads answer again) and whether every accepted write is stored.
# Usage: bench/load.sh            (env: DURATION=10m CONNECTIONS=50 THREADS=2 PORT=18088 WRITE_EVERY=200)
# Needs: postgresql-15 + postgis (Debian), wrk; runs a throwaway cluster in /tmp as the postgres user when root.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10m}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PORT=${PORT:-18088}
PGPORT=${PGPORT:-15488}
BIN=/usr/lib/postgresql/15/bin
OUT=${OUT:-target/load}
mkdir -p "$OUT"
secs() { case "$1" in *m) echo $(( ${1%m} * 60 ));; *s) echo "${1%s}";; *) echo "$1";; esac; }
TOTAL=$(secs "$DURATION")

PGDIR=$(mktemp -d /tmp/frontline-load-pg.XXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
pgctl() { as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log.txt" -o "-p $PGPORT -k $PGDIR" "$@"; }
pgctl -w start >/dev/null
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
psql_() { psql -h "$PGDIR" -p "$PGPORT" -U postgres -At "$@"; }
psql_ -c "CREATE DATABASE frontline_load" >/dev/null
psql_ -d frontline_load -c "CREATE EXTENSION postgis; CREATE EXTENSION btree_gist" >/dev/null

./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime >/dev/null
ADMIN_PW=load-test-admin-password
java -XX:+ExitOnOutOfMemoryError -Xmx${HEAP:-768m} -cp "target/classes:$(cat "$OUT/cp.txt")" \
  org.frontline.FrontlineApplication --server.port="$PORT" \
  --spring.profiles.active=postgis --spring.datasource.url="jdbc:postgresql://localhost:$PGPORT/frontline_load" \
  --spring.datasource.username=postgres --spring.datasource.password= --frontline.demo.load=true \
  --frontline.security.anonymous-read=true \
  --frontline.security.admin-password="$ADMIN_PW" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -fs -o /dev/null "http://localhost:$PORT/login" && break; sleep 1; done
for _ in $(seq 1 120); do
  [ "$(curl -s -u admin:$ADMIN_PW "http://localhost:$PORT/api/layers" | grep -o '"id":"events"')" ] && break; sleep 1
done
curl -fs -u "admin:$ADMIN_PW" -H 'Content-Type: application/json' -o /dev/null \
  -d '{"username":"loadtester","password":"scrub the slider 50","role":"analyst"}' "http://localhost:$PORT/api/admin/users"
export LOAD_AUTH=$(printf 'loadtester:scrub the slider 50' | base64 -w0)
export WRITE_EVERY=${WRITE_EVERY:-200}

# samples: heap used (MB, after the last GC too) and connections the app holds open to PostgreSQL
( while kill -0 "$APP_PID" 2>/dev/null; do
    heap=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}')
    conns=$(psql_ -d frontline_load -c "SELECT count(*) FROM pg_stat_activity WHERE datname='frontline_load' AND application_name LIKE 'PostgreSQL JDBC%'" 2>/dev/null || echo down)
    echo "$(date +%s) heap_mb=$heap pg_connections=$conns"
    sleep 10
  done ) > "$OUT/samples.txt" &
SAMPLER=$!

# PostgreSQL restart half-way; then measure how long until a read answers 200 again
( sleep $((TOTAL / 2)); t0=$(date +%s.%N); pgctl -m fast -w restart >/dev/null 2>&1
  t1=$(date +%s.%N)
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "loadtester:scrub the slider 50" \
      "http://localhost:$PORT/api/layers/posts/features?at=2019-08-23")
    [ "$code" = 200 ] && break; sleep 0.1
  done
  t2=$(date +%s.%N)
  echo "restart took $(echo "$t1 - $t0" | bc) s; reads answered 200 again $(echo "$t2 - $t1" | bc) s after it" ) \
  > "$OUT/restart.txt" &
RESTARTER=$!

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/load.lua "http://localhost:$PORT" \
  | tee "$OUT/wrk.txt"
wait "$RESTARTER" || true
kill "$SAMPLER" 2>/dev/null || true
cat "$OUT/restart.txt"
echo "--- heap and pool samples (every 10 s):"
awk '{print $2, $3}' "$OUT/samples.txt" | tr '\n' ';'; echo
accepted=$(grep -o ' 201=[0-9]*' "$OUT/wrk.txt" | cut -d= -f2 || echo 0)
stored=$(psql_ -d frontline_load -c "SELECT count(*) FROM feature_version WHERE props::text LIKE '%\"loadtest\"%'")
echo "writes answered 201: ${accepted:-0}; stored: $stored (every accepted write must be stored)"
echo "server errors in the app log during the run: $(grep -c ' ERROR ' "$OUT/app.log" || true)"

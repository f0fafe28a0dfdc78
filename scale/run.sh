#!/usr/bin/env bash
# Scale-out on real parts, on one machine: PostgreSQL primary + streaming replica (pg_basebackup), two app instances
# with sessions in the database and reads on the replica, HAProxy in front with health checks on /api/ready; then a
# bounded load (wrk, 50 connections scrubbing the slider over random windows) plus a trickle of writes, one app
# instance killed (SIGKILL) and restarted mid-run; then the same load against one instance for comparison.
# Prints errors, latency percentiles, read-your-writes results (stale reads apart from read-backs that timed out)
# and lost writes.
# Usage: scale/run.sh        (env: EVENTS=200000 DURATION=30 SKIP_BUILD=1 to reuse target/*.jar)
# Ports: apps 18090/18091, HAProxy 18092, primary 18093, replica 18094 (all on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EVENTS=${EVENTS:-200000}
DURATION=${DURATION:-30}
APP1_PORT=18090 APP2_PORT=18091 LB_PORT=18092 PG1=18093 PG2=18094
BASE=${SCALE_DIR:-/tmp/frontline-scale}
PASSWORD=scale-$RANDOM$RANDOM
PGBIN=/usr/lib/postgresql/15/bin
export APP1_PORT APP2_PORT LB_PORT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { printf '\n== %s  %s\n' "$(date +%T)" "$*"; }
pids=()
cleanup() {
  set +e
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "${APP1:-}" ] && kill "$APP1" 2>/dev/null
  [ -n "${APP2:-}" ] && kill "$APP2" 2>/dev/null
  [ -n "${LB:-}" ] && kill "$LB" 2>/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$BASE/replica" -m fast stop >/dev/null 2>&1
  as_pg "$PGBIN/pg_ctl" -D "$BASE/primary" -m fast stop >/dev/null 2>&1
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then log "building the jar"; ./mvnw -q -B -DskipTests package; fi
JAR=$(ls "$ROOT"/target/frontline-*.jar | grep -v original | head -1)

log "primary on :$PG1, replica on :$PG2 under $BASE"
rm -rf "$BASE" && mkdir -p "$BASE" && chmod 777 "$BASE"
as_pg "$PGBIN/initdb" -D "$BASE/primary" -A trust -U postgres >/dev/null
cat >> "$BASE/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG1
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 5
hot_standby = on
shared_buffers = 128MB
CONF
echo "host replication all 127.0.0.1/32 trust" >> "$BASE/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$BASE/primary" -l "$BASE/primary.log" -w start >/dev/null
psql_p() { psql -h 127.0.0.1 -p "$PG1" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_p -c "CREATE DATABASE frontline"
psql_p -d frontline -c "CREATE EXTENSION postgis; CREATE EXTENSION btree_gist;"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG1" -U postgres -D "$BASE/replica" -R -X stream -c fast
echo "port = $PG2" >> "$BASE/replica/postgresql.auto.conf"
as_pg "$PGBIN/pg_ctl" -D "$BASE/replica" -l "$BASE/replica.log" -w start >/dev/null
echo "replica in recovery: $(psql -h 127.0.0.1 -p "$PG2" -U postgres -qAt -c 'SELECT pg_is_in_recovery()')"

start_app() { # port logfile
  FRONTLINE_ADMIN_PASSWORD=$PASSWORD java -Xmx384m -jar "$JAR" --server.port="$1" --spring.profiles.active=postgis \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG1/frontline" --spring.datasource.username=postgres \
    --spring.datasource.password= --frontline.replica.url="jdbc:postgresql://127.0.0.1:$PG2/frontline" \
    --frontline.demo.load=false --logging.level.root=WARN >"$2" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$1/api/ready" >/dev/null && return 0; sleep 1; done
  echo "instance on :$1 did not become ready"; return 1; }

log "app instance 1 on :$APP1_PORT (migrates the schema)"
APP1=$(start_app $APP1_PORT "$BASE/app1.log"); wait_ready $APP1_PORT
log "generating $EVENTS events on the primary"
psql_p -d frontline <<SQL
INSERT INTO layer (id, title, kind) VALUES ('events', 'Events', 'event');
INSERT INTO feature_version (feature_id, layer_id, geom, props, valid_from, valid_to, recorded_at, recorded_by,
    source_publisher, confidence, geo_precision, time_precision)
SELECT 'ev-' || i, 'events', ST_SetSRID(ST_MakePoint(35.7 + random() * 2.3, 34.8 + random() * 2.0), 4326),
       jsonb_build_object('title', 'Generated event ' || i, 'fatalities', (random() * 5)::int),
       d, d + interval '1 day', d + interval '2 days', 'bench', 'Generated', 'medium', 'exact', 'day'
FROM (SELECT i, timestamptz '2018-06-01 00:00Z' + ((random() * 730)::int) * interval '1 day' AS d
      FROM generate_series(1, $EVENTS) i) g;
VACUUM ANALYZE feature_version;
SQL
log "app instance 2 on :$APP2_PORT; HAProxy on :$LB_PORT"
APP2=$(start_app $APP2_PORT "$BASE/app2.log"); wait_ready $APP2_PORT
envsubst < scale/haproxy.cfg > "$BASE/haproxy.cfg"
haproxy -f "$BASE/haproxy.cfg" -db >"$BASE/haproxy.log" 2>&1 & LB=$!
wait_ready $LB_PORT
curl -s "http://127.0.0.1:$LB_PORT/api/ready"; echo

AUTH="Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
export AUTH

writer() { # base-url out-prefix: one event every 200 ms, each read back at once through the same session
  # a read-back that is not 200 goes to .stale (404: the write is not seen), .timeout (curl 000: no answer within
  # 10 s or no connection; says nothing about staleness) or .rerr (any other status, e.g. 503)
  local url=$1 out=$2 i=0
  : >"$out.ids"; : >"$out.fail"; : >"$out.stale"; : >"$out.timeout"; : >"$out.rerr"
  while [ ! -f "$out.stop" ]; do
    i=$((i + 1))
    body="{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.6,35.8]},\"properties\":{\"title\":\"write $i\",\"validFrom\":\"2019-08-01\",\"sourcePublisher\":\"scale test\",\"confidence\":\"medium\"}}"
    r=$(curl -s -m 10 -b "$out.cookies" -c "$out.cookies" -H "Authorization: $AUTH" -H 'Content-Type: application/geo+json' \
        -w '\n%{http_code}' -d "$body" "$url/api/layers/events/features" || true)
    code=$(tail -1 <<<"$r")
    if [ "$code" = 201 ]; then
      id=$(head -1 <<<"$r" | sed -E 's/.*"ids":\["([^"]+)".*/\1/')
      echo "$id" >>"$out.ids"
      rc=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -b "$out.cookies" -c "$out.cookies" -H "Authorization: $AUTH" \
           "$url/api/features/$id/history" || true)
      case "$rc" in
        200) ;;
        404) echo "$id $rc" >>"$out.stale" ;;
        000) echo "$id $rc" >>"$out.timeout" ;;
        *) echo "$id $rc" >>"$out.rerr" ;;
      esac
    else
      echo "$i $code" >>"$out.fail"
    fi
    sleep 0.2
  done
}

lost_writes() { # ids-file: ids answered 201 that the primary does not hold
  local n=0
  while read -r id; do
    c=$(psql_p -d frontline -c "SELECT count(*) FROM feature_version WHERE feature_id = '$id'")
    [ "$c" -ge 1 ] || n=$((n + 1))
  done <"$1"
  echo $n
}

run_load() { # label url kill?
  local label=$1 url=$2 kill=$3 out="$BASE/$1"
  rm -f "$out.stop" "$out.cookies"
  writer "$url" "$out" & local wpid=$!
  pids+=("$wpid")
  if [ "$kill" = yes ]; then
    ( sleep $((DURATION / 3)); echo "   $(date +%T) kill -9 app instance 2"; kill -9 "$(cat "$BASE/app2.pid")"
      sleep $((DURATION / 3)); echo "   $(date +%T) restarting app instance 2"
      start_app $APP2_PORT "$BASE/app2-restart.log" >"$BASE/app2.pid" ) & pids+=($!)
  fi
  wrk -t2 -c50 -d"${DURATION}s" --timeout 10s -s scale/slider.lua "$url" >"$out.wrk" 2>&1 || true
  touch "$out.stop"; wait "$wpid" 2>/dev/null || true
  local res; res=$(grep '^RESULT' "$out.wrk" || echo "RESULT (wrk failed: $(tail -3 "$out.wrk"))")
  local non2xx; non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$out.wrk" | grep -o '[0-9]*$' || echo 0)
  printf '%-28s %s non2xx=%s\n' "$label" "${res#RESULT }" "${non2xx:-0}"
  printf '%-28s HTTP statuses: %s\n' "$label" "$(grep '^STATUSES' "$out.wrk" | cut -d' ' -f2-)"
  printf '%-28s writes ok=%d failed=%d lost=%d\n' "$label" "$(wc -l <"$out.ids")" "$(wc -l <"$out.fail")" \
    "$(lost_writes "$out.ids")"
  printf '%-28s read-backs: stale reads=%d read-back timeouts=%d other read-back errors=%d\n' "$label" \
    "$(wc -l <"$out.stale")" "$(wc -l <"$out.timeout")" "$(wc -l <"$out.rerr")"
}

echo "$APP2" >"$BASE/app2.pid"
log "load through HAProxy, two instances, instance 2 killed at $((DURATION / 3)) s and restarted at $((2 * DURATION / 3)) s"
run_load two-instances-kill "http://127.0.0.1:$LB_PORT" yes
APP2=$(cat "$BASE/app2.pid")
wait_ready $APP2_PORT || true
log "the same load against one instance directly"
run_load one-instance "http://127.0.0.1:$APP1_PORT" no
log "replica down: reads fall back to the primary"
as_pg "$PGBIN/pg_ctl" -D "$BASE/replica" -m fast stop >/dev/null
curl -s "http://127.0.0.1:$APP1_PORT/api/ready"; echo
curl -s -o /dev/null -w 'slider read with the replica down: HTTP %{http_code}\n' -H "Authorization: $AUTH" \
  "http://127.0.0.1:$APP1_PORT/api/layers/events/density?from=2019-01-01&to=2019-01-31&zoom=8&bbox=34,33,39,38"
echo "HAProxy log: $BASE/haproxy.log; app logs: $BASE/app*.log"

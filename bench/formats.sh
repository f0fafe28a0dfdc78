#!/usr/bin/env bash
# Issue 10 benchmark: OGC items vs /api/layers at 1M events (PostGIS), CSV/GPKG export peak heap, ACLED CSV import
# of 100k rows into PostGIS and the embedded database.
# The app runs inside the bench's JVM, so HEAP caps the app: a small HEAP that still exports everything shows the
# exports stream in constant memory. TIMEOUT bounds the whole run (default 15m).
# Usage: bench/formats.sh            (env: EVENTS=1000000 ROWS=100000 REQUESTS=100 HEAP=512m TIMEOUT=15m)
# The import only: EVENTS=0 bench/formats.sh; the OGC pages and exports only: ROWS=0 bench/formats.sh. The app runs
# with its default settings (exports within frontline.export-budget, 10 min). DATABASE_URL=… reuses the events a
# previous run generated there (generating 1M takes many minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile
uptime
MAVEN_OPTS="-Xmx${HEAP:-512m} -XX:+ExitOnOutOfMemoryError" timeout "${TIMEOUT:-15m}" \
  ./mvnw -q -B -o exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.FormatsBench -Devents="${EVENTS:-1000000}" -Drows="${ROWS:-100000}" \
  -Drequests="${REQUESTS:-100}"

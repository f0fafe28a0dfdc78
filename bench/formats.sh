#!/usr/bin/env bash
# Issue 10 benchmark: OGC items vs /api/layers at 1M events (PostGIS), CSV/GPKG export peak heap, ACLED CSV import
# of 100k rows into PostGIS and the embedded database.
# Usage: bench/formats.sh            (env: EVENTS=1000000 ROWS=100000 REQUESTS=100 HEAP=512m)
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-512m}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.FormatsBench -Devents="${EVENTS:-1000000}" -Drows="${ROWS:-100000}" \
  -Drequests="${REQUESTS:-100}"

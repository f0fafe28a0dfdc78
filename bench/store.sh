#!/usr/bin/env bash
# Issues 2 and 12: events + 10k area versions in a throwaway PostGIS; slider query app vs raw SQL; the map's density
# query (month/all windows, zoom 8/12) and gzip bytes on the wire; export memory.
# Usage: bench/store.sh            (env: EVENTS=1000000 REQUESTS=240 HEAP=512m)
#        SIZES=250000,500000,1000000,2000000 bench/store.sh   # growth curve: the table grows in steps, measured at each
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-512m}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.StoreBench -Devents="${EVENTS:-1000000}" -Drequests="${REQUESTS:-240}" \
  -Dsizes="${SIZES:-${EVENTS:-1000000}}" -Dwarmup="${WARMUP:-40}" -Dexport="${EXPORT:-true}" \
  -DdensityRuns="${DENSITY_RUNS:-30}"

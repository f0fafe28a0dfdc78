#!/usr/bin/env bash
# Issues 15/12: the embedded SQLite store — slider query as the events table grows (growth curve) and import speed;
# POSTGIS=true adds PostGIS at 1M events in the same run, for ratios.
# Usage: bench/embedded.sh     (env: SIZES=100000,250000,500000,1000000 REQUESTS=120 POSTGIS=false HEAP=512m)
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-512m}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.EmbeddedStoreBench -Dsizes="${SIZES:-100000,250000,500000,1000000}" \
  -Drequests="${REQUESTS:-120}" -Dpostgis="${POSTGIS:-false}"

#!/usr/bin/env bash
# Issue 4 benchmark: gazetteer load time and reports (~3 KB) parsed per second on one thread. Medians.
# Usage: bench/reports.sh            (env: ROUNDS=7 REPORTS=300 DUMP_ROWS=15000: the shipped gazetteer plus a
# synthetic GeoNames country dump of that many rows, as issue 9 asks; 0 = the shipped extract alone)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.frontline.bench.ReportParseBench \
  -Drounds="${ROUNDS:-7}" -Dreports="${REPORTS:-300}" -DdumpRows="${DUMP_ROWS:-15000}"

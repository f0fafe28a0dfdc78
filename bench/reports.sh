#!/usr/bin/env bash
# Issue 4 benchmark: gazetteer load time and reports (~3 KB) parsed per second on one thread. Medians.
# Usage: bench/reports.sh            (env: ROUNDS=7 REPORTS=300)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.frontline.bench.ReportParseBench \
  -Drounds="${ROUNDS:-7}" -Dreports="${REPORTS:-300}"

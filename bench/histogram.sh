#!/usr/bin/env bash
# Issue 14/12 benchmark: the time bar's histogram at 1M events in a throwaway PostGIS, daily cell table vs. event by
# event (the previous path) vs. raw SQL. Usage: bench/histogram.sh      (env: EVENTS=1000000 REQUESTS=21 HEAP=1g)
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-1g}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.HistogramBench -Devents="${EVENTS:-1000000}" -Drequests="${REQUESTS:-21}"

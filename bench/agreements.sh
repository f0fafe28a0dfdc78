#!/usr/bin/env bash
# Issue 14 benchmark: breaches of one agreement over two years with 1M events in a throwaway PostGIS, API vs raw SQL.
# Usage: bench/agreements.sh            (env: EVENTS=1000000 REQUESTS=15 HEAP=1g)
# DATABASE_URL=jdbc:postgresql://host:port/db reuses the events a previous run generated there (generating takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-1g}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.AgreementBench -Devents="${EVENTS:-1000000}" -Drequests="${REQUESTS:-15}"

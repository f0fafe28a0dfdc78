#!/usr/bin/env bash
# Issue 2 benchmark: 1M events + 10k area versions in a throwaway PostGIS; slider query app vs raw SQL; export memory.
# Usage: bench/store.sh            (env: EVENTS=1000000 REQUESTS=240 HEAP=512m)
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-512m}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.StoreBench -Devents="${EVENTS:-1000000}" -Drequests="${REQUESTS:-240}"

#!/usr/bin/env bash
# Issue 15: soak of the embedded database — mixed reads, writes, report parsing, briefing edits and exports for a
# bounded duration; prints requests, errors and heap per minute. Exit status 0 only with zero errors.
# Usage: bench/soak.sh [DURATION=2h]   (e.g. 20m, 2h; env HEAP=512m)
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="-Xmx${HEAP:-512m}" ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.SoakBench -Dexec.args="${1:-2h}"

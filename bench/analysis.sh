#!/usr/bin/env bash
# Issue 5 benchmark: change on 10k-vertex control areas, 20 km buffer of a 200 km line, encirclement of 12 posts.
# Usage: bench/analysis.sh        (env: RUNS=30 WARMUP=10)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.frontline.bench.AnalysisBench -Druns="${RUNS:-30}" -Dwarmup="${WARMUP:-10}"

#!/usr/bin/env bash
# Issue 6 benchmark: demo briefing frame data (pinned vs live), player metadata, HTML and PDF export times.
# Usage: bench/briefings.sh            (env: RUNS=20 WARMUP=5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.BriefingBench -Druns="${RUNS:-20}" -Dwarmup="${WARMUP:-5}"

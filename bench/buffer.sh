#!/usr/bin/env bash
# Issue 15: buffer time of a MultiPoint of 800 and 10,000 points (per-part buffers + cascaded union).
# Usage: bench/buffer.sh        (env: SIZES=800,10000 LIMIT=150 seconds per size)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.frontline.bench.BufferScaleBench \
  -Dsizes="${SIZES:-800,10000}" -Dlimit="${LIMIT:-150}"

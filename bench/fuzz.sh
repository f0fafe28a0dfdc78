#!/usr/bin/env bash
# Issue 15.6: fuzz each Jazzer target for EXECUTIONS runs (default 1,000,000; MAX_DURATION caps each, default 20m).
# A finding (unexpected exception = a would-be 500, or an input over 2 s; a loaded machine can cause the latter) fails the run and Jazzer writes the
# input to src/test/resources/<package>/<Class>Inputs/<method>/ so the normal build replays it from then on.
# GpkgImportFuzzTest opens a whole file per input (~40/s, for damaged SQLite files); GpkgContentFuzzTest changes one open
# GeoPackage per input and rolls back (hundreds/s): use it for the GeoPackage million.
# Usage: bench/fuzz.sh            (env: EXECUTIONS=1000000 MAX_DURATION=20m TARGETS="GeoJsonFuzzTest#featureCollection ...")
set -euo pipefail
cd "$(dirname "$0")/.."
EXECUTIONS=${EXECUTIONS:-1000000}
MAX_DURATION=${MAX_DURATION:-20m}
TARGETS=${TARGETS:-"GeoJsonFuzzTest#featureCollection ReportInputFuzzTest#upload GeonamesFuzzTest#dump AcledImportFuzzTest#csv GpkgImportFuzzTest#geoPackage GpkgContentFuzzTest#content"}
./mvnw -q -B -o test-compile
mkdir -p target/fuzz
for t in $TARGETS; do
  echo "== $t: $EXECUTIONS executions (at most $MAX_DURATION)"
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw -B -o -q surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_executions="$EXECUTIONS" -Djazzer.max_duration="$MAX_DURATION" \
    -DargLine="-Xmx1g -Djazzer.max_executions=$EXECUTIONS -Djazzer.max_duration=$MAX_DURATION" \
    > "target/fuzz/${t%%#*}.log" 2>&1 || true
  # Jazzer ends the forked JVM itself after fuzzing, which surefire reports as a crash: judge by libFuzzer's output
  log="target/fuzz/${t%%#*}.log"
  if grep -q '^Done [0-9]* runs' "$log" && ! grep -q '== Java Exception\|FuzzTestFinding\|FUZZ HANG\|deadly signal\|ERROR: libFuzzer' "$log"; then
    result="ok, no finding"
  else
    result="FINDING or error (see the log; the input is saved under src/test/resources)"
  fi
  runs=$(grep -ho '^Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1 || true)
  secs=$(grep -ao '^Done [0-9]* runs in [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  # libFuzzer makes inputs as large as the largest seed or corpus file: a large one slows every execution
  maxlen=$(grep -ao 'larger than [0-9]* bytes' "$log" | grep -o '[0-9]*' | head -1 || true)
  rate=$([ -n "${secs:-}" ] && [ "${secs:-0}" -gt 0 ] && echo "$(( ${runs:-0} / secs ))/s while fuzzing" || echo "?")
  echo "$t: $result, ${runs:-?} executions in $(( $(date +%s) - start )) s with start-up ($rate, inputs up to ${maxlen:-?} bytes; log: target/fuzz/${t%%#*}.log)"
done

#!/usr/bin/env bash
# Issue 15: SIGKILL the app during writes, restart, check (CrashHarness). Prints survived/failed.
# Usage: bench/crash.sh [ROUNDS=200] [MINUTES=120]
#   APP_CP=...  the app's classpath (default this checkout's, built here)   CRASH_URL=jdbc:...{dir}...  the database
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/crash-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/crash-classpath.txt)"
exec java -Xmx256m -cp "$CP" -Dcrash.classpath="${APP_CP:-$CP}" \
  -Dcrash.url="${CRASH_URL:-jdbc:sqlite:{dir}/frontline.db}" \
  org.frontline.database.CrashHarness "${1:-200}" "${2:-120}"

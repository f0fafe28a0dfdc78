#!/usr/bin/env bash
# Unit tests of the pure browser modules (dates, permalink, style, lru, http) with node's built-in test runner.
# Maven runs this in the test phase. Without node the tests are skipped with a notice, and with CI=true they fail.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v node >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "ERROR: node is not installed, so the JavaScript unit tests (src/test/js) cannot run (CI=true)" >&2
    exit 1
  fi
  echo "WARNING: node is not installed: SKIPPING the JavaScript unit tests (src/test/js)" >&2
  exit 0
fi
exec node --test --test-reporter=spec src/test/js/

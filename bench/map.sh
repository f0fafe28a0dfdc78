#!/usr/bin/env bash
# Time-slider speed in headless Chromium with 5,000 events in view (see bench/java/.../MapSliderBench.java).
# POSTGIS_EVENTS=1000000 bench/map.sh: the map at size on PostGIS — first paint and one step with the windows
# "month" and "all" at zoom 8 and 12, bytes per step (MapDensityBench.java); DATABASE_URL=… reuses a filled database.
cd "$(dirname "$0")/.." && ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.frontline.bench.MapSliderBench -DpostgisEvents="${POSTGIS_EVENTS:-0}"

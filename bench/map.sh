#!/usr/bin/env bash
# Time-slider speed in headless Chromium with 5,000 events in view (see bench/java/.../MapSliderBench.java).
cd "$(dirname "$0")/.." && ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.frontline.bench.MapSliderBench

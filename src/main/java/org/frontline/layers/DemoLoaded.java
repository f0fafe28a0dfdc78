package org.frontline.layers;

/**
 * Published once the demo scenario is in the store, so that other modules can add what they derive
 * from it (front lines, the demo briefing) without depending on the module that loads it.
 *
 * @param features how many features the scenario added
 */
public record DemoLoaded(int features) {}

package org.frontline.demo;

/** Work to do once the demo scenario is in the store (e.g. deriving front lines from control areas). */
public interface DemoLoadedListener {
    void demoLoaded();
}

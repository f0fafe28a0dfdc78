package org.frontline.briefings.internal;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the briefings API (every field optional on update: null keeps the stored value). */
public final class BriefingInputs {
    private BriefingInputs() {}

    public record BriefingInput(String title, String summary, String slug) {}

    public record FrameInput(
            String title,
            LocalDate day,
            LocalDate windowFrom,
            List<Double> center,
            Integer zoom,
            List<Double> bbox,
            List<String> layers,
            String narrative,
            List<String> highlights,
            String overlay,
            String agreement) {}

    public record ReorderInput(List<Long> frameIds) {}

    public record PublishInput(String note) {}
}

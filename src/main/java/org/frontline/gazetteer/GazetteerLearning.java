package org.frontline.gazetteer;

/** What review teaches the gazetteer (implemented over the learned entries' table). */
public interface GazetteerLearning {

    /** Within this distance a correction is the same place as an entry (a refinement, not another place). */
    double SAME_PLACE_KM = 5;

    /**
     * An analyst corrected a wrong resolution: the report's spelling ({@code draft.name()}) means the draft's point,
     * not the entry {@code draft.replaces()}. Stores a learned entry with the analyst and report as provenance (or
     * moves the one this report's earlier correction made, or returns a learned entry of that spelling already
     * there) and teaches the gazetteer at once.
     */
    LearnedEntry learnCorrection(LearnedEntry.Draft draft, String analyst);
}

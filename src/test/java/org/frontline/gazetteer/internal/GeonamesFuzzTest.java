package org.frontline.gazetteer.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.frontline.gazetteer.Place;
import org.frontline.testsupport.FuzzGuard;

/**
 * Fuzzes the GeoNames dump reader: malformed lines are skipped, a file that is not UTF-8 is an IOException (the
 * upload answers 400); every place read has a finite position on the globe. Nothing else may escape.
 */
class GeonamesFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void dump(byte[] data) {
        FuzzGuard.timed(() -> {
            try {
                GeonamesFile.read(new ByteArrayInputStream(data), Map.of(), row -> {
                    Place p = row.place();
                    if (!(Math.abs(p.lat()) <= 90 && Math.abs(p.lon()) <= 180)) {
                        throw new AssertionError("a place off the globe: " + p);
                    }
                });
            } catch (IOException expected) {
                // not UTF-8: the upload answers 400
            }
        });
    }
}

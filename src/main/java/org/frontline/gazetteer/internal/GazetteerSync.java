package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontline.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's gazetteer equal to the database's: the uploads (its files under frontline.gazetteer.dir are
 * a cache of {@link StoredUploads}) and the learned entries. At start, and every {@link #EVERY_MS} ms when either
 * changed in the database (another instance took an upload or learned a place), it fetches the files it lacks and
 * rebuilds its index. So no instance holds a file another needs, and a lost cache directory refills itself.
 */
@Component
class GazetteerSync {
    static final long EVERY_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(GazetteerSync.class);

    private final Gazetteer gazetteer;
    private final StoredUploads uploads;
    private final LearnedEntries learned;
    private String uploadsSeen = "";
    private String learnedSeen = "";

    GazetteerSync(Gazetteer gazetteer, StoredUploads uploads, LearnedEntries learned) {
        this.gazetteer = gazetteer;
        this.uploads = uploads;
        this.learned = learned;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        learnedSeen = learned.version();
        pull();
    }

    /** Brings the gazetteer up to the database's uploads and learned entries; true when it had to rebuild. */
    @Scheduled(fixedDelay = EVERY_MS, initialDelay = EVERY_MS)
    synchronized boolean pull() {
        boolean rebuilt = false;
        String u = uploads.version();
        if (!u.equals(uploadsSeen)) {
            int fetched = 0;
            for (StoredUploads.Stored s : uploads.list()) {
                if (gazetteer.storedSize(s.format(), s.name()) != s.bytes()) {
                    fetch(s);
                    fetched++;
                }
            }
            if (fetched > 0) {
                log.info("gazetteer: fetched {} upload(s) from the database", fetched);
                gazetteer.reload();
                rebuilt = true;
            }
            uploadsSeen = u;
        }
        String l = learned.version();
        if (!l.equals(learnedSeen)) {
            gazetteer.setLearned(learned.list());
            learnedSeen = l;
            rebuilt = true;
        }
        return rebuilt;
    }

    /** Copies one upload from the database into the gazetteer directory (through a temporary file). */
    private void fetch(StoredUploads.Stored s) {
        try {
            Path tmp = Files.createTempFile("frontline-gazetteer", ".fetch");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    uploads.copy(s.id(), out);
                }
                try (var in = Files.newInputStream(tmp)) {
                    gazetteer.put(s.format(), s.name(), in);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

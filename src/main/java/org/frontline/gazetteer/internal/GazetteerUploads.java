package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.frontline.web.PayloadTooLargeException;
import org.frontline.web.RequestBodies;
import org.springframework.stereotype.Service;

/**
 * Gazetteer uploads: the body streams to a temporary file (never whole in memory) under
 * {@code frontline.gazetteer.max-bytes} (413 as soon as it passes), then the file is read whole in its format and
 * only a good one is stored in the database, for every instance, and indexed (400 otherwise: the gazetteer in force
 * is unchanged). Each upload is a job
 * whose progress can be read while it runs; the last {@link #KEPT} are remembered.
 */
@Service
class GazetteerUploads {

    static final int KEPT = 50;
    private final Gazetteer gazetteer;
    private final StoredUploads stored;
    private final long maxBytes;
    private final Map<String, UploadJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UploadJob> eldest) {
            return size() > KEPT;
        }
    });

    GazetteerUploads(Gazetteer gazetteer, StoredUploads stored, FrontlineSettings settings) {
        this.gazetteer = gazetteer;
        this.stored = stored;
        this.maxBytes = settings.gazetteer().maxBytes();
    }

    /** Runs one upload to its end; the job shows its progress meanwhile. */
    UploadJob upload(String format, String fileName, InputStream body, long declared, String user) throws IOException {
        try {
            UploadFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("gazetteer upload: " + e.getMessage());
        }
        if (fileName != null && fileName.length() > 120) { // a longer name cannot be stored on most file systems
            throw new BadInputException(
                    "gazetteer upload: the file name is " + fileName.length() + " characters long; at most 120");
        }
        if (declared > maxBytes) throw tooLarge(declared);
        UploadJob job = new UploadJob(UUID.randomUUID().toString(), format, fileName, user, declared);
        jobs.put(job.id, job);
        Path tmp = Files.createTempFile("frontline-gazetteer", ".upload");
        try {
            job.size = RequestBodies.copy(body, tmp, maxBytes, job.bytesReceived::set, this::tooLarge);
            if (job.size == 0) throw new BadInputException("gazetteer upload: the file is empty");
            job.state = UploadJob.State.CHECKING;
            String name;
            try {
                name = Gazetteer.storedNameOf(format, fileName);
                job.rows = gazetteer.check(format, tmp, job.checked::set);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("gazetteer upload: " + e.getMessage());
            }
            // the database's copy is the one every instance reads (GazetteerSync); this instance's file is a cache
            stored.save(format, name, tmp, user);
            try (InputStream in = Files.newInputStream(tmp)) {
                gazetteer.put(format, name, in);
            }
            gazetteer.reload();
            job.placesIndexed = gazetteer.size();
            job.state = UploadJob.State.DONE;
            return job;
        } catch (BadInputException | PayloadTooLargeException e) {
            fail(job, e instanceof BadInputException ? 400 : 413, e.getMessage());
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            fail(job, 500, "the upload could not be stored: " + e.getMessage());
            throw e;
        } finally {
            job.finished = Instant.now();
            Files.deleteIfExists(tmp);
        }
    }

    private static void fail(UploadJob job, int status, String detail) {
        job.status = status;
        job.detail = detail;
        job.state = UploadJob.State.FAILED;
    }

    Optional<UploadJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The remembered uploads, the latest first. */
    List<UploadJob> jobs() {
        List<UploadJob> out;
        synchronized (jobs) {
            out = new ArrayList<>(jobs.values());
        }
        Collections.reverse(out);
        return out;
    }

    private PayloadTooLargeException tooLarge(long bytes) {
        return new PayloadTooLargeException("gazetteer upload: the file is larger than the limit of " + maxBytes
                + " bytes (frontline.gazetteer.max-bytes)");
    }
}

package org.frontline.imports.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.frontline.imports.internal.ImportException.RowError;
import org.frontline.layers.BulkAdd;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.QueryParams;
import org.frontline.layers.StoredFeature;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.frontline.web.PayloadTooLargeException;
import org.frontline.web.TimeParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs imports one at a time in the background. A job first reads the whole file and checks every row
 * (refusals listed with their line numbers, duplicate ids in the file refused); only when all rows pass does it
 * read the file again and store it in one transaction, so a refused, cancelled or killed import stores nothing.
 * Rows whose id is already stored become corrections of that feature (history kept); identical rows are skipped.
 * Each job's state is saved ({@link ImportJobs}); one left unfinished by a stop or a crash is marked failed at start.
 */
@Service
class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final int MAX_LISTED_ERRORS = 200;
    private static final int BATCH = 1000;

    private final LayerService layers;
    private final ImportJobs saved;
    private final Instant bootedAt = Instant.now();
    private volatile boolean stopping;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final Map<String, ImportFormat> formats = new HashMap<>();
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "frontline-import");
        t.setDaemon(true);
        return t;
    });

    ImportService(
            LayerService layers,
            ImportJobs saved,
            PlatformTransactionManager txManager,
            JsonMapper json,
            GeoJsonFeatures geojson,
            @Value("${frontline.focus-region}") String focusRegion,
            @Value("${frontline.imports.max-bytes}") long maxBytes) {
        this.layers = layers;
        this.saved = saved;
        this.tx = new TransactionTemplate(txManager);
        this.maxBytes = maxBytes;
        formats.put("acled", new AcledCsvFormat(QueryParams.bbox(focusRegion)));
        formats.put("gpkg", new GpkgFormat());
        formats.put("geojson", new GeoJsonFormat(json, geojson));
    }

    /** Saves the upload (capped), checks the file as a whole and queues the job; the file's problems are 400s. */
    ImportJob start(
            String layerId, String format, Map<String, String> options, InputStream body, long declared, String user)
            throws IOException {
        ImportFormat f = formats.get(format);
        if (f == null) {
            throw new BadInputException("format must be one of acled, gpkg, geojson; got '" + format + "'");
        }
        Layer layer =
                layers.layer(layerId).orElseThrow(() -> new NotFoundException("there is no layer '" + layerId + "'"));
        if (declared > maxBytes) {
            throw tooLarge();
        }
        Path file = Files.createTempFile("frontline-import", "." + format);
        try {
            long size = copyCapped(body, file);
            if (size == 0) {
                throw new BadInputException("the request body is empty: send the file as the body");
            }
            try {
                f.check(file, layer, options);
            } catch (ImportException e) {
                throw new BadInputException(e.getMessage());
            }
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), layerId, format, user, size);
            saved.insert(job);
            jobs.put(job.id, job);
            worker.submit(() -> run(job, f, layer, options, file));
            return job;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A job running now (live progress) or one saved, by this or an earlier run of the application. */
    Optional<ImportJob> job(String id) {
        ImportJob running = jobs.get(id);
        return running != null ? Optional.of(running) : saved.find(id);
    }

    /** Jobs an earlier run left queued or running were interrupted: nothing of them is stored, so they failed. */
    @EventListener(ApplicationStartedEvent.class)
    void markInterrupted() {
        saved.markInterrupted(bootedAt);
    }

    private void run(ImportJob job, ImportFormat format, Layer layer, Map<String, String> options, Path file) {
        try {
            job.state = ImportJob.State.VALIDATING;
            List<RowError> errors = validate(job, format, layer, options, file);
            if (!errors.isEmpty()) {
                job.errors = List.copyOf(errors);
                job.detail = job.refused.get() + " of " + job.read.get() + " rows refused; nothing was stored";
                job.state = ImportJob.State.FAILED;
                return;
            }
            job.state = ImportJob.State.STORING;
            saved.save(job);
            tx.executeWithoutResult(status -> store(job, format, layer, options, file));
            job.detail = job.created.get() + " features added, " + job.corrected.get() + " corrected, "
                    + job.unchanged.get() + " unchanged";
            job.state = ImportJob.State.DONE;
        } catch (ImportException e) {
            job.detail = e.getMessage();
            if (!e.errors().isEmpty()) {
                job.errors = List.copyOf(e.errors());
            }
            job.state = job.cancelRequested ? ImportJob.State.CANCELLED : ImportJob.State.FAILED;
        } catch (RuntimeException | IOException e) {
            job.detail = "nothing was stored: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            job.state = job.cancelRequested ? ImportJob.State.CANCELLED : ImportJob.State.FAILED;
        } finally {
            job.finished = Instant.now();
            finish(job);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up
            }
        }
    }

    /** Saves a finished job; one cut short by the application stopping stays unfinished and is marked at start. */
    private void finish(ImportJob job) {
        if (stopping) {
            return;
        }
        try {
            saved.save(job);
            jobs.remove(job.id);
        } catch (RuntimeException e) {
            // kept in memory, so GET still answers until the next restart marks the saved row interrupted
            LOG.warn("import job {} could not be saved: {}", job.id, e.toString());
        }
    }

    private List<RowError> validate(
            ImportJob job, ImportFormat format, Layer layer, Map<String, String> options, Path file)
            throws IOException {
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        format.read(file, layer, options, job, new ImportFormat.Rows() {
            @Override
            public void feature(long line, NewFeature f) {
                Long first = f.id() == null ? null : seen.putIfAbsent(f.id(), line);
                if (first != null) {
                    refused(line, "id '" + f.id() + "' is also on line " + first + " of this file");
                } else {
                    job.read.incrementAndGet();
                    job.accepted.incrementAndGet();
                }
            }

            @Override
            public void refused(long line, String problem) {
                job.read.incrementAndGet();
                job.refused.incrementAndGet();
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add(new RowError(line, problem));
                }
            }
        });
        return errors;
    }

    private void store(ImportJob job, ImportFormat format, Layer layer, Map<String, String> options, Path file) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String reason = "import of a " + job.format + " file (job " + job.id + ")";
        BulkAdd bulk = layers.bulkAdd(layer.id(), job.user, reason, now); // locks the layer, then its ids are read
        Set<String> stored = new HashSet<>();
        layers.stream(
                FeatureQuery.between(layer.id(), TimeParam.EARLIEST, TimeParam.LATEST), f -> stored.add(f.featureId()));
        List<NewFeature> batch = new ArrayList<>(BATCH);
        List<Long> lines = new ArrayList<>(BATCH);
        List<RowError> foreign = new ArrayList<>();
        class Batches implements ImportFormat.Rows {
            @Override
            public void feature(long line, NewFeature f) {
                if (f.id() != null && stored.contains(f.id())) {
                    correctIfChanged(job, f, reason);
                    return;
                }
                batch.add(f);
                lines.add(line);
                if (batch.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void refused(long line, String problem) {
                throw new ImportException("line " + line + " changed since it was checked: " + problem);
            }

            /** Stores the batch; once a row's id turned out to belong to another layer, only lists such rows. */
            void flush() {
                Map<String, String> others = foreign.isEmpty() ? bulk.add(batch) : bulk.idsOfOtherLayers(batch);
                for (int i = 0; i < batch.size() && foreign.size() < MAX_LISTED_ERRORS; i++) {
                    String other = others.get(batch.get(i).id());
                    if (other != null) {
                        foreign.add(new RowError(
                                lines.get(i), "id '" + batch.get(i).id() + "' belongs to layer '" + other + "'"));
                    }
                }
                job.created.addAndGet(others.isEmpty() && foreign.isEmpty() ? batch.size() : 0);
                batch.clear();
                lines.clear();
            }
        }
        Batches rows = new Batches();
        try {
            format.read(file, layer, options, job, rows);
        } catch (IOException e) {
            throw new ImportException("the file could not be read again: " + e.getMessage());
        }
        if (!batch.isEmpty()) {
            rows.flush();
        }
        job.checkCancelled();
        if (!foreign.isEmpty()) {
            job.refused.set(foreign.size());
            throw new ImportException(
                    foreign.size() + (foreign.size() == MAX_LISTED_ERRORS ? " or more" : "")
                            + " rows have ids that other layers use (feature ids are global); nothing was stored",
                    foreign);
        }
    }

    private void correctIfChanged(ImportJob job, NewFeature f, String reason) {
        List<StoredFeature> current = layers.history(f.id()).stream()
                .filter(v -> v.supersededAt() == null)
                .toList();
        if (current.size() == 1 && same(current.get(0), f)) {
            job.unchanged.incrementAndGet();
            return;
        }
        layers.correct(f.id(), f, job.user, reason);
        job.corrected.incrementAndGet();
    }

    private static boolean same(StoredFeature s, NewFeature f) {
        return s.geometry().equalsExact(f.geometry())
                && s.properties().equals(f.properties())
                && s.validFrom().equals(f.validFrom())
                && Objects.equals(s.validTo(), f.validTo())
                && s.provenance().equals(f.provenance());
    }

    void cancel(ImportJob job) {
        job.cancelRequested = true;
    }

    private long copyCapped(InputStream in, Path file) throws IOException {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("the file is larger than the import limit of " + maxBytes + " bytes "
                + "(frontline.imports.max-bytes)");
    }

    @PreDestroy
    void stop() {
        stopping = true;
        jobs.values().forEach(j -> j.cancelRequested = true);
        worker.shutdownNow();
    }
}

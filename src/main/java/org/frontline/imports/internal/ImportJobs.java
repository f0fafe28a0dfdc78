package org.frontline.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.frontline.imports.internal.ImportException.RowError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import jobs in the database (tables {@code import_job}, {@code import_job_refusal}), so that
 * {@code GET /api/imports/{id}} answers after a restart. Saved when a job is queued, when its checking ends and when
 * it finishes; a job that was not finished when the application stopped is marked failed at the next start.
 */
@Repository
class ImportJobs {
    static final String INTERRUPTED = "interrupted by a restart of the application; nothing was stored";
    private static final String COLUMNS = "id, layer_id, format, created_by, bytes, state, rows_read, rows_accepted, "
            + "rows_refused, created, corrected, unchanged, detail, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ImportJobs(DataSource dataSource, PlatformTransactionManager txManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(txManager);
    }

    void insert(ImportJob j) {
        jdbc.update(
                "INSERT INTO import_job (id, layer_id, format, created_by, bytes, state, started_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                j.id,
                j.layer,
                j.format,
                j.user,
                j.bytes,
                j.state.name(),
                odt(j.started));
    }

    /** Saves the job's state, counts and (once it has finished) its refusals, in one transaction. */
    void save(ImportJob j) {
        tx.executeWithoutResult(status -> {
            jdbc.update(
                    "UPDATE import_job SET state = ?, rows_read = ?, rows_accepted = ?, rows_refused = ?, created = ?,"
                            + " corrected = ?, unchanged = ?, detail = ?, finished_at = ? WHERE id = ?",
                    j.state.name(),
                    j.read.get(),
                    j.accepted.get(),
                    j.refused.get(),
                    j.created.get(),
                    j.corrected.get(),
                    j.unchanged.get(),
                    j.detail,
                    odt(j.finished),
                    j.id);
            if (j.finished()) {
                jdbc.update("DELETE FROM import_job_refusal WHERE job_id = ?", j.id);
                List<RowError> errors = j.errors;
                List<Object[]> rows = new ArrayList<>(errors.size());
                for (int i = 0; i < errors.size(); i++) {
                    rows.add(new Object[] {
                        j.id, i, errors.get(i).line(), errors.get(i).problem()
                    });
                }
                jdbc.batchUpdate(
                        "INSERT INTO import_job_refusal (job_id, position, line, problem) VALUES (?, ?, ?, ?)", rows);
            }
        });
    }

    Optional<ImportJob> find(String id) {
        Optional<ImportJob> job =
                jdbc.query("SELECT " + COLUMNS + " FROM import_job WHERE id = ?", ImportJobs::row, id).stream()
                        .findFirst();
        job.ifPresent(j -> j.errors = jdbc.query(
                "SELECT line, problem FROM import_job_refusal WHERE job_id = ? ORDER BY position",
                (rs, n) -> new RowError(rs.getLong(1), rs.getString(2)),
                id));
        return job;
    }

    /**
     * Marks every job that was queued or running before {@code bootedAt} (so by an earlier run of the application)
     * as failed; returns how many.
     */
    int markInterrupted(Instant bootedAt) {
        return jdbc.update(
                "UPDATE import_job SET state = ?, detail = ?, finished_at = ? WHERE state IN (?, ?, ?)"
                        + " AND started_at < ?",
                ImportJob.State.FAILED.name(),
                INTERRUPTED,
                odt(Instant.now()),
                ImportJob.State.QUEUED.name(),
                ImportJob.State.VALIDATING.name(),
                ImportJob.State.STORING.name(),
                odt(bootedAt));
    }

    private static ImportJob row(ResultSet rs, int n) throws SQLException {
        ImportJob j = new ImportJob(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getObject(14, OffsetDateTime.class).toInstant());
        j.state = ImportJob.State.valueOf(rs.getString(6));
        j.read.set(rs.getLong(7));
        j.accepted.set(rs.getLong(8));
        j.refused.set(rs.getLong(9));
        j.created.set(rs.getLong(10));
        j.corrected.set(rs.getLong(11));
        j.unchanged.set(rs.getLong(12));
        j.detail = rs.getString(13);
        OffsetDateTime finished = rs.getObject(15, OffsetDateTime.class);
        j.finished = finished == null ? null : finished.toInstant();
        j.bytesRead.set(j.bytes);
        return j;
    }

    private static OffsetDateTime odt(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}

package org.frontline.database.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How time is stored in SQLite, which has no time type: UTC text of fixed width
 * ({@code 2019-08-23T00:00:00.000000Z}), so comparing and sorting the text compares the instants.
 */
public final class SqliteTime {
    private static final DateTimeFormatter CANONICAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqliteTime() {}

    /** The stored text of an instant. */
    public static String text(Instant t) {
        return CANONICAL.format(t);
    }

    /** The stored text of a time value the app binds, or null when {@code value} is no instant. */
    static String textOf(Object value) {
        if (value instanceof OffsetDateTime o) {
            return text(o.toInstant());
        } else if (value instanceof Instant i) {
            return text(i);
        } else if (value instanceof ZonedDateTime z) {
            return text(z.toInstant());
        } else if (value instanceof java.sql.Timestamp ts) {
            return text(ts.toInstant());
        } else if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        } else if (value instanceof java.util.Date d) {
            return text(d.toInstant());
        }
        return null;
    }

    /** Reads stored time text: the canonical form, SQLite's own 'YYYY-MM-DD HH:MM:SS', a date, or epoch millis. */
    static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        v = v.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        }
    }

    /** Epoch days (with fraction), the unit of the R*Tree's time dimensions. */
    public static double epochDays(Instant t) {
        return (t.getEpochSecond() + t.getNano() / 1e9) / 86_400.0;
    }
}

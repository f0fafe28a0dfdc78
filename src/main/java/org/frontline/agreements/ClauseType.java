package org.frontline.agreements;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of commitment a clause makes, and the geometry its area must have. */
public enum ClauseType {
    CEASEFIRE("ceasefire", Shape.AREA_OR_NONE),
    DEMILITARISED_ZONE("demilitarised-zone", Shape.AREA),
    HEAVY_WEAPONS_WITHDRAWAL("heavy-weapons-withdrawal", Shape.AREA),
    GROUP_WITHDRAWAL("group-withdrawal", Shape.AREA),
    PATROL_ROUTE("patrol-route", Shape.LINE),
    MONITORING_POSTS("monitoring-posts", Shape.POINTS);

    /** What the clause's area must be. */
    public enum Shape {
        AREA,
        AREA_OR_NONE,
        LINE,
        POINTS
    }

    private final String code;
    private final Shape shape;

    ClauseType(String code, Shape shape) {
        this.code = code;
        this.shape = shape;
    }

    public String code() {
        return code;
    }

    public Shape shape() {
        return shape;
    }

    /** Withdrawals bind from their deadline on. */
    public boolean needsDeadline() {
        return this == HEAVY_WEAPONS_WITHDRAWAL || this == GROUP_WITHDRAWAL;
    }

    public static Optional<ClauseType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ClauseType::code).toList());
    }
}

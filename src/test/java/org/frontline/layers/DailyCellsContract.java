package org.frontline.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * The histogram counted from the daily cell table (db/*&#47;V90), over real HTTP on both databases, with the
 * exact-count limit lowered to 1 so that a few dozen events take every path. The events sit in a 4 × 4 block of
 * 0.088° cells (how many per cell is the table below); each case is a box in, and the expected counts are
 * computed here from the events themselves: exact counts inside the box, or, where the answer says it is not
 * exact, the events of every cell the box touches.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"frontline.demo.load=false", "frontline.map.exact-count-limit=1", "frontline.map.max-events=1"})
abstract class DailyCellsContract {
    static final double CELL = 90.0 / 1024;
    /** The block's lower-left corner: a cell corner near Saraqib. */
    static final double X0 = 2464 * CELL - 180;

    static final double Y0 = 1431 * CELL - 90;
    /** Events per cell, top row first, columns left to right. */
    static final int[][] PER_CELL = {
        {2, 3, 1, 2},
        {0, 1, 2, 3},
        {0, 2, 3, 1},
        {1, 1, 2, 2}
    };

    @LocalServerPort
    int port;

    @Autowired
    LayerService layers;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    javax.sql.DataSource dataSource;

    Api analyst;
    Api anonymous;
    String layer;
    final List<Event> events = new ArrayList<>();

    record Event(String id, double x, double y, LocalDate day, int killed) {}

    @BeforeEach
    void setUp() {
        if (!users.userExists("ana")) {
            users.createUser(User.withUsername("ana")
                    .password("{noop}ana-secret")
                    .roles("ANALYST")
                    .build());
        }
        anonymous = new Api(port, null, null);
        analyst = anonymous.as("ana", "ana-secret");
        layer = layers.ensureLayer(
                        "dc-" + UUID.randomUUID().toString().substring(0, 8), "Events", LayerKind.EVENT, "{}")
                .id();
        List<String> json = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                for (int k = 0; k < PER_CELL[3 - row][col]; k++) {
                    Event e = new Event(
                            layer + "-" + col + row + k,
                            X0 + (col + 0.3 + 0.1 * k) * CELL,
                            Y0 + (row + 0.3 + 0.1 * k) * CELL,
                            LocalDate.of(2019, 8, 1 + (col * 4 + row + k) % 20),
                            (col + row + k) % 4);
                    events.add(e);
                    json.add(feature(e));
                }
            }
        }
        Response r = analyst.post(
                "/api/layers/" + layer + "/features",
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", json) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static String feature(Event e) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                        + "\"properties\":{\"title\":\"Shelling\",\"validFrom\":\"%s\",\"fatalities\":%d,"
                        + "\"sourcePublisher\":\"SOHR\",\"confidence\":\"medium\"}}",
                e.id(),
                Double.toString(e.x()),
                Double.toString(e.y()),
                e.day(),
                e.killed());
    }

    /** The box [x0 + a·CELL, x0 + b·CELL] × [y0 + c·CELL, y0 + d·CELL] as a bbox parameter. */
    static String box(double a, double b, double c, double d) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", X0 + a * CELL, Y0 + c * CELL, X0 + b * CELL, Y0 + d * CELL);
    }

    JsonNode histogram(String query) {
        Response r = anonymous.get("/api/layers/" + layer + "/histogram?from=2019-08-01&to=2019-08-31&" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Events and fatalities per day of August 2019 for the events that pass. */
    TreeMap<LocalDate, long[]> expected(Predicate<Event> counted) {
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (int d = 1; d <= 31; d++) {
            days.put(LocalDate.of(2019, 8, d), new long[2]);
        }
        for (Event e : events) {
            if (counted.test(e)) {
                days.get(e.day())[0]++;
                days.get(e.day())[1] += e.killed();
            }
        }
        return days;
    }

    static void assertBars(JsonNode h, TreeMap<LocalDate, long[]> expected) {
        long total = 0;
        for (JsonNode b : h.get("buckets")) {
            long[] want = expected.get(LocalDate.parse(b.get("start").asString()));
            assertThat(new long[] {b.get("events").asLong(), b.get("fatalities").asLong()})
                    .as(b.toString())
                    .containsExactly(want);
            total += want[0];
        }
        assertThat(h.get("events").asLong()).isEqualTo(total);
    }

    static Predicate<Event> inBox(double a, double b, double c, double d) {
        return e ->
                e.x() >= X0 + a * CELL && e.x() <= X0 + b * CELL && e.y() >= Y0 + c * CELL && e.y() <= Y0 + d * CELL;
    }

    @Test
    void withoutABoxTheTableAnswersEveryEventOfTheWindow() {
        JsonNode h = histogram("bucket=day");
        assertThat(h.get("exact").asBoolean()).isTrue();
        assertBars(h, expected(e -> true));
        assertThat(h.get("events").asLong()).isEqualTo(26);
    }

    @Test
    void aBoxOfWholeCellsIsCountedFromTheTableExactly() {
        JsonNode h = histogram("bucket=day&bbox=" + box(1, 4, 0, 4));
        assertThat(h.get("exact").asBoolean()).isTrue();
        assertBars(h, expected(inBox(1, 4, 0, 4)));
    }

    @Test
    void aBoxWhoseEdgeStripsHoldFewEventsAddsThoseEventsThemselves() {
        // the left column's three events lie at 0.3, 0.4 and 0.3 of their cells: the box starting at 0.35 takes one
        JsonNode h = histogram("bucket=day&bbox=" + box(0.35, 4, 0, 4));
        assertThat(h.get("exact").asBoolean()).isTrue();
        TreeMap<LocalDate, long[]> want = expected(inBox(0.35, 4, 0, 4));
        assertBars(h, want);
        assertThat(h.get("events").asLong()).isEqualTo(26 - 2);
    }

    @Test
    void aBoxWhoseEdgesHoldManyEventsIsCountedToWholeCellsAndSaysSo() {
        JsonNode h = histogram("bucket=day&bbox=" + box(0.35, 4, 0.35, 4));
        assertThat(h.get("exact").asBoolean()).isFalse();
        // every cell the box touches, whole: here every event, though some lie just outside the box
        assertBars(h, expected(e -> true));
        assertThat(expected(inBox(0.35, 4, 0.35, 4)).values().stream()
                        .mapToLong(v -> v[0])
                        .sum())
                .isLessThan(26);
    }

    @Test
    void weeksAndMonthsAreSumsOfTheTablesDays() {
        JsonNode weeks = histogram("bucket=week");
        long inFirstWeek = events.stream()
                .filter(e -> e.day().isBefore(LocalDate.of(2019, 8, 5)))
                .count();
        assertThat(weeks.get("buckets").get(0).get("start").asString()).isEqualTo("2019-07-29");
        assertThat(weeks.get("buckets").get(0).get("events").asLong()).isEqualTo(inFirstWeek);
        JsonNode months = histogram("bucket=month");
        assertThat(months.get("buckets")).hasSize(1);
        assertThat(months.get("buckets").get(0).get("events").asLong()).isEqualTo(26);
        assertThat(months.get("fatalities").asLong())
                .isEqualTo(events.stream().mapToLong(Event::killed).sum());
    }

    @Test
    void correctionsAndRetractionsMoveTheTablesCounts() {
        // the left column's first event moves two cells right, into the box, and its fatalities become 9
        Event moved = events.get(0);
        Event now = new Event(moved.id(), moved.x() + 2 * CELL, moved.y(), moved.day(), 9);
        Response put = analyst.put(
                "/api/features/" + moved.id() + "?reason=position",
                String.format(
                        Locale.ROOT,
                        "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"Point\","
                                + "\"coordinates\":[%s,%s]},\"properties\":{\"title\":\"Shelling\",\"fatalities\":9,"
                                + "\"sourcePublisher\":\"SOHR\",\"confidence\":\"medium\"}}",
                        now.id(),
                        Double.toString(now.x()),
                        Double.toString(now.y())));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Event gone = events.get(5);
        Response delete = analyst.delete("/api/features/" + gone.id() + "?reason=duplicate");
        assertThat(delete.status()).as(delete.body()).isEqualTo(204);
        events.set(0, now);
        events.remove(gone);

        JsonNode all = histogram("bucket=day");
        assertThat(all.get("exact").asBoolean()).isTrue();
        assertBars(all, expected(e -> true));
        assertThat(all.get("events").asLong()).isEqualTo(25);
        JsonNode inBox = histogram("bucket=day&bbox=" + box(1, 4, 0, 4));
        assertThat(inBox.get("exact").asBoolean()).isTrue();
        assertBars(inBox, expected(inBox(1, 4, 0, 4)));
    }

    /** Density cells as id → [count, fatalities, lon, lat]. */
    Map<String, double[]> density(String query) {
        Response r = anonymous.get("/api/layers/" + layer + "/density?bbox=" + box(-1, 5, -1, 5) + "&" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("aggregated").asBoolean()).as(r.body()).isTrue();
        Map<String, double[]> cells = new TreeMap<>();
        for (JsonNode f : r.json().get("features")) {
            JsonNode p = f.get("properties");
            JsonNode xy = f.get("geometry").get("coordinates");
            cells.put(f.get("id").asString(), new double[] {
                p.get("count").asDouble(),
                p.get("fatalities").asDouble(),
                xy.get(0).asDouble(),
                xy.get(1).asDouble()
            });
        }
        return cells;
    }

    static final List<String> WINDOWS = List.of(
            "from=2019-08-01&to=2019-08-31",
            "from=2019-08-03T12:00:00Z&to=2019-08-17T06:00:00Z",
            "from=2019-07-01&to=2019-08-02",
            "from=2019-08-02T00:00:00Z&to=2019-08-20",
            "from=2019-07-31T18:00:00Z&to=2019-08-01T06:00:00Z",
            "at=2019-08-04",
            // whole calendar months between partial ones: the roll-ups' month rows answer the middle
            "from=2019-06-15&to=2019-09-10",
            "from=2019-07-31T12:00:00Z&to=2019-10-01");

    @Test
    void densityCellsFromTheTableEqualThoseCountedEventByEvent() {
        // one event valid from 30 July to 5 August: it reaches into windows that start after it began
        Event spanning = new Event(layer + "-long", X0 + 2.5 * CELL, Y0 + 2.5 * CELL, LocalDate.of(2019, 7, 30), 4);
        String json = feature(spanning).replace("\"validFrom\"", "\"validTo\":\"2019-08-05\",\"validFrom\"");
        assertThat(analyst.post("/api/layers/" + layer + "/features", json).status())
                .isEqualTo(201);
        assertTablesEqualEventByEvent();
        // a correction that moves an event to another cell and month, and a retraction, move every roll-up too
        Event moved = events.get(0);
        String corrected = feature(
                new Event(moved.id(), moved.x() + 1.6 * CELL, moved.y() + 0.7 * CELL, LocalDate.of(2019, 9, 3), 7));
        Response put = analyst.put("/api/features/" + moved.id() + "?reason=position", corrected);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Response delete = analyst.delete("/api/features/" + events.get(5).id() + "?reason=duplicate");
        assertThat(delete.status()).as(delete.body()).isEqualTo(204);
        assertTablesEqualEventByEvent();

        // and the tables are what answer: a count put into each level shows through it, not event by event
        String now = java.time.Instant.now().toString();
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.update("UPDATE event_day_cell SET events = events + 100 WHERE layer_id = ?", layer);
        assertCountedFromTheTable("from=2019-08-02&to=2019-08-30&zoom=8", now);
        jdbc.update(
                "UPDATE event_cell SET events = events + 100 WHERE layer_id = ? AND grid = 12 AND period = 'd'", layer);
        assertCountedFromTheTable("from=2019-08-02&to=2019-08-30&zoom=12", now);
        // month rows answer windows holding whole months (a window runs to the end of its "to" day), and only those
        String months = "from=2019-07-01&to=2019-09-01&zoom=";
        String days = "from=2019-08-02&to=2019-08-31&zoom=";
        double[] before = {total(months + 8), total(months + 11), total(days + 8), total(days + 11)};
        for (String level : List.of("grid = 10 AND period = 'm'", "grid = 12 AND period = 'm'")) {
            jdbc.update("UPDATE event_cell SET events = events + 1000 WHERE layer_id = ? AND " + level, layer);
        }
        assertThat(total(months + 8)).isGreaterThanOrEqualTo(before[0] + 1000);
        assertThat(total(months + 11)).isGreaterThanOrEqualTo(before[1] + 1000);
        assertThat(total(days + 8)).isEqualTo(before[2]);
        assertThat(total(days + 11)).isEqualTo(before[3]);
    }

    private double total(String query) {
        return density(query).values().stream().mapToDouble(v -> v[0]).sum();
    }

    private void assertTablesEqualEventByEvent() {
        String now = java.time.Instant.now().toString();
        for (String window : WINDOWS) {
            for (int zoom : new int[] {6, 8, 10, 11, 12, 13}) {
                Map<String, double[]> table = density(window + "&zoom=" + zoom);
                Map<String, double[]> oneByOne = density(window + "&zoom=" + zoom + "&asOf=" + now);
                assertThat(table.keySet()).as(window + " zoom " + zoom).isEqualTo(oneByOne.keySet());
                table.forEach((id, v) -> assertThat(v)
                        .as(window + " zoom " + zoom + " " + id)
                        .containsExactly(oneByOne.get(id), org.assertj.core.data.Offset.offset(1e-6)));
            }
        }
    }

    private void assertCountedFromTheTable(String window, String now) {
        assertThat(density(window).values().stream().mapToDouble(v -> v[0]).sum())
                .as(window)
                .isGreaterThan(density(window + "&asOf=" + now).values().stream()
                                .mapToDouble(v -> v[0])
                                .sum()
                        + 99);
    }
}

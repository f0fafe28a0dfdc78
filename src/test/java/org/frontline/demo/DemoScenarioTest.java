package org.frontline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo scenario as a visitor of the embedded demo sees it through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/demo-${random.uuid}.db")
class DemoScenarioTest {
    static final Coordinate KHAN_SHAYKHUN = new Coordinate(36.638, 35.442);
    static final Coordinate IDLIB_CITY = new Coordinate(36.633, 35.930);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, null, null);
    }

    @Test
    void anonymousVisitorsSeeTheDemoLayers() {
        JsonNode layers = api.get("/api/layers").json();
        Set<String> ids = new HashSet<>();
        layers.forEach(l -> ids.add(l.get("id").asString()));
        assertThat(ids).contains("governorates", "control", "zones", "posts", "events");
        for (JsonNode l : layers) {
            if (l.get("id").asString().equals("events")) {
                assertThat(l.get("kind").asString()).isEqualTo("event");
                assertThat(l.at("/extent/from").asString()).startsWith("2018");
                assertThat(l.at("/extent/to").asString()).startsWith("2020");
            }
        }
    }

    @Test
    void theFrontMovesBetweenTheScenarioDates() {
        String[] dates = {"2018-09-17", "2019-04-30", "2019-08-23", "2019-12-31", "2020-02-06", "2020-03-05"};
        Set<Double> oppositionAreas = new HashSet<>();
        for (String date : dates) {
            JsonNode fc = api.get("/api/layers/control/features?at=" + date).json();
            Set<String> parties = new HashSet<>();
            fc.get("features")
                    .forEach(f -> parties.add(f.at("/properties/party").asString()));
            assertThat(parties).as(date).containsExactlyInAnyOrder("government", "opposition");
            oppositionAreas.add(Math.round(geometry(fc, "opposition").getArea() * 1000) / 1000.0);
            assertThat(geometry(fc, "opposition").contains(point(IDLIB_CITY)))
                    .as("Idlib city held by the opposition on " + date)
                    .isTrue();
        }
        assertThat(oppositionAreas).as("the opposition area changes over time").hasSizeGreaterThanOrEqualTo(5);
        assertThat(party(api.get("/api/layers/control/features?at=2019-04-30").json(), KHAN_SHAYKHUN))
                .isEqualTo("opposition");
        assertThat(party(api.get("/api/layers/control/features?at=2019-08-23").json(), KHAN_SHAYKHUN))
                .isEqualTo("government");
    }

    @Test
    void theMorekPostIsSurroundedFromLateAugust2019() {
        assertThat(status("2019-08-01", "Morek")).isEqualTo("open");
        assertThat(status("2019-08-24", "Morek")).isEqualTo("surrounded");
        assertThat(api.get("/api/layers/posts/features?at=2019-01-01").json().get("features"))
                .hasSize(12);
    }

    @Test
    void eventsCarryASourceAndPrecision() {
        JsonNode events = api.get("/api/layers/events/features?from=2018-09-01&to=2020-03-31")
                .json()
                .get("features");
        assertThat(events.size()).isGreaterThanOrEqualTo(40);
        for (JsonNode e : events) {
            assertThat(e.at("/properties/sourcePublisher").asString()).isNotBlank();
            assertThat(e.at("/properties/timePrecision").asString()).isIn("day", "week", "month", "year");
            assertThat(e.at("/properties/title").asString()).isNotBlank();
        }
        JsonNode zones =
                api.get("/api/layers/zones/features?at=2020-03-10").json().get("features");
        Set<String> types = new HashSet<>();
        zones.forEach(z -> types.add(z.at("/properties/zoneType").asString()));
        assertThat(types).contains("security-corridor");
    }

    @Test
    void theMoscowProtocolsJointPatrolsRunAlongASourcedRouteInsideTheM4Corridor() {
        JsonNode moscow = api.get("/api/agreements/moscow-2020").json();
        JsonNode patrol = null;
        for (JsonNode c : moscow.get("clauses")) {
            // the API writes the clause type as its enum name (PATROL_ROUTE)
            if (c.get("type").asString().replace('_', '-').equalsIgnoreCase("patrol-route")) {
                patrol = c;
            }
        }
        assertThat(patrol).as("a patrol-route clause").isNotNull();
        assertThat(patrol.at("/area/layer").asString()).isEqualTo("routes");
        assertThat(patrol.get("from").asString()).isEqualTo("2020-03-15");
        String feature = patrol.at("/area/feature").asString();
        // the route is a line, sourced, and not there before the first joint patrol
        assertThat(api.get("/api/layers/routes/features?at=2020-03-10").json().get("features"))
                .isEmpty();
        JsonNode routes =
                api.get("/api/layers/routes/features?at=2020-03-20").json().get("features");
        assertThat(routes).hasSize(1);
        JsonNode route = routes.get(0);
        assertThat(route.get("id").asString()).isEqualTo(feature);
        assertThat(route.at("/geometry/type").asString()).isEqualTo("LineString");
        assertThat(route.at("/properties/sourceUrl").asString()).startsWith("https://");
        assertThat(route.at("/properties/sourcePublisher").asString()).contains("PA-X");
        // every vertex lies inside the 6 km security corridor drawn around the M4
        Geometry line = new GeoJsonGeometryReader(null).read(route.get("geometry"));
        Geometry corridor = null;
        for (JsonNode z :
                api.get("/api/layers/zones/features?at=2020-03-20").json().get("features")) {
            if (z.at("/properties/zoneType").asString().equals("security-corridor")) {
                corridor = new GeoJsonGeometryReader(null).read(z.get("geometry"));
            }
        }
        assertThat(corridor).isNotNull();
        assertThat(corridor.covers(line)).isTrue();
        assertThat(line.getLength())
                .as("Tronba to Ain al-Hawr, over half a degree")
                .isGreaterThan(0.5);
    }

    @Test
    void asOfShowsTheDemoAsItWasKnownThen() {
        // Each demo fact is recorded the day after it became true: on 2019-08-22 the 2019-08-23 front was unknown.
        JsonNode known = api.get("/api/layers/control/features?at=2019-09-01&asOf=2019-08-22")
                .json();
        assertThat(known.get("features")).isEmpty();
        JsonNode later = api.get("/api/layers/control/features?at=2019-09-01&asOf=2019-08-25")
                .json();
        assertThat(later.get("features")).isNotEmpty();
    }

    private String status(String date, String name) {
        for (JsonNode f :
                api.get("/api/layers/posts/features?at=" + date).json().get("features")) {
            if (f.at("/properties/name").asString().contains(name)) {
                return f.at("/properties/status").asString();
            }
        }
        throw new AssertionError("no post named " + name + " on " + date);
    }

    private static String party(JsonNode fc, Coordinate c) {
        for (JsonNode f : fc.get("features")) {
            if (read(f.get("geometry")).contains(point(c))) {
                return f.at("/properties/party").asString();
            }
        }
        return null;
    }

    private static Geometry geometry(JsonNode fc, String party) {
        for (JsonNode f : fc.get("features")) {
            if (f.at("/properties/party").asString().equals(party)) {
                return read(f.get("geometry"));
            }
        }
        throw new AssertionError("no " + party + " area");
    }

    private static Geometry read(JsonNode geometry) {
        return new GeoJsonGeometryReader(null).read(geometry);
    }

    private static Geometry point(Coordinate c) {
        return new GeometryFactory().createPoint(c);
    }
}

package org.frontline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.internal.FrontLineService;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * The analysis API over real HTTP on a database holding the Idlib demo scenario, which the demo loader
 * puts in at start-up (and after which the front lines are derived). Run on both databases by the
 * subclasses: the analyses run in Java, so the answers must be the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=true")
abstract class AnalysisApiContract {
    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    FrontLineService fronts;

    @Autowired
    LayerService layers;

    Api anonymous;
    Api analyst;

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
    }

    @Test
    void morekPostIsSurroundedAfterKhanShaykhunFellAndOpenOnTheFirstOfAugust() {
        JsonNode before = ok(anonymous.get("/api/analysis/encirclement?layer=control&points=posts&at=2019-08-01"));
        JsonNode after = ok(anonymous.get("/api/analysis/encirclement?layer=control&points=posts&at=2019-08-23"));
        JsonNode morekBefore = byId(before, "post-09").get("properties");
        JsonNode morekAfter = byId(after, "post-09").get("properties");
        assertThat(morekAfter.get("friendly").asString()).isEqualTo("opposition");
        assertThat(morekAfter.get("heldBy").asString()).isEqualTo("government");
        assertThat(morekAfter.get("status").asString()).isEqualTo("surrounded");
        assertThat(morekBefore.get("status").asString()).isEqualTo("open");
        assertThat(morekBefore.get("heldBy").asString()).isEqualTo("opposition");
        assertThat(morekBefore.get("frontDistanceKm").asDouble()).isPositive();
        assertThat(morekAfter.get("frontDistanceKm").asDouble()).isZero();
        assertThat(after.get("features").size()).isEqualTo(12);
        // a post deep in the Idlib pocket stays open
        long open = 0;
        for (JsonNode f : after.get("features")) {
            open += "open".equals(f.get("properties").get("status").asString()) ? 1 : 0;
        }
        assertThat(open).isPositive();
    }

    @Test
    void timelineGivesEveryPostAStatusAtEachChangeOfTheAreas() {
        JsonNode t = ok(anonymous.get("/api/analysis/encirclement/timeline?layer=control&points=posts"));
        Map<String, String> morek = new HashMap<>();
        for (JsonNode row : t.get("rows")) {
            if (row.get("feature").asString().equals("post-09")) {
                morek.put(row.get("date").asString(), row.get("status").asString());
            }
        }
        assertThat(morek).containsEntry("2019-08-23", "surrounded").containsKey("2019-04-30");
        assertThat(morek.get("2019-04-30")).isNotEqualTo("surrounded");
        // surrounded from 23 August 2019, not a day before
        morek.forEach((date, status) -> {
            if (date.compareTo("2019-08-23") < 0) {
                assertThat(status).as(date).isNotEqualTo("surrounded");
            }
        });
        Response csv = anonymous.get("/api/analysis/encirclement/timeline?layer=control&points=posts&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("date,feature,name,heldBy,friendly,status,corridorKm,frontDistanceKm");
    }

    @Test
    void groundGainedEqualsGroundLostAndKhanShaykhunChangedHands() {
        JsonNode c = ok(anonymous.get("/api/analysis/change?layer=control&from=2019-04-30&to=2019-08-23"));
        Map<String, JsonNode> table = new HashMap<>();
        c.get("table").forEach(r -> table.put(r.get("party").asString(), r));
        double govGained = table.get("government").get("gainedKm2").asDouble();
        assertThat(govGained).isGreaterThan(100);
        // the demo's two parties tile the study region, so what one gains the other loses
        assertThat(table.get("opposition").get("lostKm2").asDouble()).isCloseTo(govGained, within(govGained * 0.001));
        assertThat(table.get("government").get("netKm2").asDouble())
                .isCloseTo(-table.get("opposition").get("netKm2").asDouble(), within(govGained * 0.001));
        List<String> places = new ArrayList<>();
        c.get("placesChangedHands").forEach(p -> {
            places.add(p.get("name").asString());
            if (p.get("name").asString().equals("Khan Shaykhun")) {
                assertThat(p.get("before").asString()).isEqualTo("opposition");
                assertThat(p.get("after").asString()).isEqualTo("government");
            }
        });
        assertThat(places).contains("Khan Shaykhun").doesNotContain("Idlib");
        JsonNode gained = byId(c, "gained-government");
        assertThat(gained.get("geometry").get("type").asString()).endsWith("Polygon");
        assertThat(gained.get("properties").get("areaKm2").asDouble()).isCloseTo(govGained, within(0.01));

        Response csv = anonymous.get("/api/analysis/change?layer=control&from=2019-04-30&to=2019-08-23&format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(3).first().isEqualTo("party,gainedKm2,lostKm2,netKm2");
    }

    @Test
    void frontLinesAreDerivedAtADateAndStoredAsAVersionedLayer() {
        JsonNode at = ok(anonymous.get("/api/analysis/frontlines?layer=control&at=2019-08-23&toleranceKm=0.5"));
        assertThat(at.get("features").size()).isEqualTo(1);
        JsonNode line = at.get("features").get(0);
        assertThat(line.get("geometry").get("type").asString()).isEqualTo("MultiLineString");
        assertThat(line.get("properties").get("lengthKm").asDouble()).isGreaterThan(50);

        // derived at start-up from the demo: the slider shows the front as it was
        JsonNode stored = ok(anonymous.get("/api/layers/frontlines/features?at=2019-08-23"));
        assertThat(stored.get("features").size()).isEqualTo(1);
        JsonNode earlier = ok(anonymous.get("/api/layers/frontlines/features?at=2019-01-01"));
        assertThat(earlier.get("features").get(0).get("geometry"))
                .isNotEqualTo(stored.get("features").get(0).get("geometry"));

        FrontLineService.Derivation again = fronts.deriveAll("control", "frontlines");
        assertThat(again.added()).isZero();
        assertThat(again.corrected()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.periods());

        Response derive = analyst.post("/api/analysis/frontlines/derive?layer=control&target=frontlines", "");
        assertThat(derive.status()).isEqualTo(200);
        assertThat(derive.json().get("added").asInt()).isZero();
        assertThat(anonymous
                        .post("/api/analysis/frontlines/derive?layer=control&target=frontlines", "")
                        .status())
                .isIn(401, 403);
    }

    @Test
    void derivedFrontLayerFollowsTheAreasVersionsAndACorrectionOfThem() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String areas = layers.ensureLayer("areas-" + suffix, "Areas", LayerKind.AREA, "{}")
                .id();
        String target = "fronts-" + suffix;
        Instant d1 = Instant.parse("2019-01-01T00:00:00Z");
        Instant d2 = Instant.parse("2019-06-01T00:00:00Z");
        String west = "west-" + suffix;
        String east = "east-" + suffix;
        layers.add(
                areas,
                List.of(
                        area(west, box(36.5, 36.7), "gov", d1, d2), area(east, box(36.7, 36.9), "opp", d1, d2),
                        area(west, box(36.5, 36.8), "gov", d2, null), area(east, box(36.8, 36.9), "opp", d2, null)),
                "ana",
                "test areas");

        FrontLineService.Derivation first = fronts.deriveAll(areas, target);
        assertThat(first.periods()).isEqualTo(2);
        assertThat(first.added()).isEqualTo(2);
        JsonNode march = ok(anonymous.get("/api/layers/" + target + "/features?at=2019-03-01"));
        JsonNode july = ok(anonymous.get("/api/layers/" + target + "/features?at=2019-07-01"));
        assertThat(firstX(march)).isCloseTo(36.7, within(0.003));
        assertThat(firstX(july)).isCloseTo(36.8, within(0.003));
        assertThat(july.get("features")
                        .get(0)
                        .get("properties")
                        .get("validFrom")
                        .asString())
                .isEqualTo("2019-06-01");

        // the analyst redraws the second period: deriving again corrects that version only
        layers.correct(west, area(west, box(36.5, 36.85), "gov", d2, null), "ana", "redrawn");
        layers.correct(east, area(east, box(36.85, 36.9), "opp", d2, null), "ana", "redrawn");
        FrontLineService.Derivation second = fronts.deriveAll(areas, target);
        assertThat(second.corrected()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(firstX(ok(anonymous.get("/api/layers/" + target + "/features?at=2019-07-01"))))
                .isCloseTo(36.85, within(0.003));
    }

    /** The mean longitude of the (single) front line's vertices: the line runs north–south. */
    private static double firstX(JsonNode collection) {
        assertThat(collection.get("features").size()).isEqualTo(1);
        double sum = 0;
        int n = 0;
        for (JsonNode part : collection.get("features").get(0).get("geometry").get("coordinates")) {
            for (JsonNode c : part) {
                sum += c.get(0).asDouble();
                n++;
            }
        }
        return sum / n;
    }

    private static Geometry box(double lon0, double lon1) {
        return new GeometryFactory().toGeometry(new Envelope(lon0, lon1, 35.5, 35.7));
    }

    private static final Provenance PROVENANCE = new Provenance("test", null, null, "high", "exact", "day");

    private static NewFeature area(String id, Geometry g, String party, Instant from, Instant to) {
        return new NewFeature(id, g, Map.of("party", party), from, to, PROVENANCE);
    }

    @Test
    void bufferOfAStoredPostAndOfADrawnLineAndSavingItAsAZone() {
        JsonNode ring = ok(anonymous.get("/api/analysis/buffer?feature=post-09&distanceKm=10"));
        assertThat(ring.get("features").get(0).get("properties").get("areaKm2").asDouble())
                .isCloseTo(Math.PI * 100, within(Math.PI * 100 * 0.005));

        String road = "{\"type\":\"LineString\",\"coordinates\":[[36.60,35.80],[36.70,35.82],[36.80,35.86]]}";
        // drawing a buffer of one's own geometry is an analyst's tool (POST), reading one is open to viewers
        JsonNode left = ok(analyst.post("/api/analysis/buffer?distanceKm=6&side=left", road));
        JsonNode both = ok(analyst.post("/api/analysis/buffer?distanceKm=6", road));
        double l = left.get("features").get(0).get("properties").get("areaKm2").asDouble();
        double b = both.get("features").get(0).get("properties").get("areaKm2").asDouble();
        assertThat(l).isGreaterThan(0).isLessThan(b / 2);

        Response saved = analyst.post(
                "/api/analysis/buffer/save?distanceKm=20&innerKm=15&target=zones"
                        + "&zoneType=dmz&name=Test%20band&validFrom=2018-09-17&validTo=2019-01-01",
                road);
        assertThat(saved.status()).isEqualTo(201);
        String id = saved.json().get("features").get(0).get("id").asString();
        JsonNode zones = ok(anonymous.get("/api/layers/zones/features?at=2018-10-01"));
        JsonNode zone = byId(zones, id).get("properties");
        assertThat(zone.get("zoneType").asString()).isEqualTo("dmz");
        assertThat(zone.get("distanceKm").asDouble()).isEqualTo(20.0);
        assertThat(zone.get("innerKm").asDouble()).isEqualTo(15.0);
        assertThat(zone.get("bufferSource").asString()).isEqualTo("drawn geometry");
        assertThat(anonymous
                        .post("/api/analysis/buffer/save?distanceKm=5", road)
                        .status())
                .isIn(401, 403);
    }

    @Test
    void eventsNearAPlaceAndCountsPerGovernorateAndMonth() {
        JsonNode near = ok(anonymous.get("/api/analysis/proximity?layer=events&point=36.638,35.442&distanceKm=25"
                + "&from=2019-05-01&to=2019-08-31"));
        assertThat(near.get("count").asInt())
                .isEqualTo(near.get("features").size())
                .isPositive();
        double last = 0;
        for (JsonNode f : near.get("features")) {
            double d = f.get("properties").get("distanceKm").asDouble();
            assertThat(d).isLessThanOrEqualTo(25).isGreaterThanOrEqualTo(last);
            assertThat(f.get("properties").get("validFrom").asString()).isBetween("2019-05-01", "2019-08-31");
            last = d;
        }
        JsonNode byGov =
                ok(anonymous.get("/api/analysis/stats?layer=events&by=governorate&from=2019-01-01&to=2019-12-31"));
        JsonNode byMonth = ok(anonymous.get("/api/analysis/stats?layer=events&by=month&from=2019-01-01&to=2019-12-31"));
        long total = byGov.get("total").get("events").asLong();
        assertThat(total)
                .isPositive()
                .isEqualTo(byMonth.get("total").get("events").asLong());
        List<String> keys = new ArrayList<>();
        byGov.get("rows").forEach(r -> keys.add(r.get("key").asString()));
        assertThat(keys).contains("Idlib");
        byMonth.get("rows").forEach(r -> assertThat(r.get("key").asString()).startsWith("2019-"));

        JsonNode inDmz = ok(anonymous.get(
                "/api/analysis/stats?layer=events&by=month&within=zone-sochi-dmz" + "&from=2019-01-01&to=2019-12-31"));
        assertThat(inDmz.get("total").get("events").asLong()).isLessThan(total);
        Response csv = anonymous.get("/api/analysis/stats?layer=events&by=governorate&format=csv");
        assertThat(csv.body()).startsWith("key,events,fatalities");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        assertBad(anonymous.get("/api/analysis/buffer?feature=post-09&distanceKm=-1"), "distanceKm");
        assertBad(anonymous.get("/api/analysis/buffer?feature=post-09&distanceKm=1500"), "distanceKm");
        assertBad(anonymous.get("/api/analysis/buffer?feature=post-09&distanceKm=5&side=left"), "side");
        assertBad(anonymous.get("/api/analysis/buffer?feature=post-09&distanceKm=5&innerKm=8"), "innerKm");
        assertBad(anonymous.get("/api/analysis/change?layer=control&from=2010-01-01&to=2019-08-23"), "from");
        assertBad(anonymous.get("/api/analysis/change?layer=posts&from=2019-04-30&to=2019-08-23"), "layer");
        assertBad(anonymous.get("/api/analysis/encirclement?layer=events&points=posts&at=2019-08-23"), "layer");
        assertBad(anonymous.get("/api/analysis/encirclement?layer=control&points=posts&at=2031-01-01"), "at");
        assertBad(anonymous.get("/api/analysis/frontlines?layer=control&at=2019-08-23&toleranceKm=0"), "toleranceKm");
        assertBad(anonymous.get("/api/analysis/proximity?layer=events&point=36.6,35.4&distanceKm=5000"), "distanceKm");
        String bowtie =
                "{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.5],[36.7,35.7],[36.7,35.5],[36.5,35.7],[36.5,35.5]]]}";
        assertBad(analyst.post("/api/analysis/buffer?distanceKm=5", bowtie), "geometry");
        assertBad(
                analyst.post("/api/analysis/buffer?distanceKm=5", "{\"type\":\"LineString\",\"coordinates\":[]}"),
                "geometry");
        assertBad(
                anonymous.get("/api/analysis/encirclement?layer=control&points=posts&at=2019-08-23&friendly=rebels"),
                "friendly");
        assertBad(
                anonymous.get("/api/analysis/encirclement?layer=control&points=posts&at=2019-08-23&corridorKm=500"),
                "corridorKm");
        assertBad(anonymous.get("/api/analysis/stats?layer=events&by=month&from=2021-01-01"), "from");
        assertBad(anonymous.get("/api/analysis/stats?layer=events&by=month&to=2017-12-31"), "to");
        assertBad(anonymous.get("/api/analysis/stats?layer=events&by=area&areas=posts"), "areas");
        assertBad(anonymous.get("/api/analysis/stats?layer=events&within=post-09"), "within");
        assertBad(anonymous.get("/api/analysis/proximity?layer=events&distanceKm=5"), "feature");
        assertThat(anonymous
                        .get("/api/analysis/change?layer=nope&from=2019-04-30&to=2019-08-23")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void analysesWriteOnlyToPlainLayerIds() {
        String road = "{\"type\":\"LineString\",\"coordinates\":[[36.60,35.80],[36.70,35.82]]}";
        for (String target :
                new String[] {"a/b", "a%2Fb", "%3Cimg%20src%3Dx%3E", "Zones", "1zones", "z".repeat(42), "z".repeat(70)
                }) {
            assertBad(analyst.post("/api/analysis/buffer/save?distanceKm=5&target=" + target, road), "target");
            assertBad(analyst.post("/api/analysis/frontlines/derive?layer=control&target=" + target, ""), "target");
        }
        assertThat(layers.layers())
                .extracting(org.frontline.layers.Layer::id)
                .noneMatch(id -> id.contains("/") || id.contains("<") || id.startsWith("zzzz") || id.equals("Zones"));
        String longest = "b" + "x".repeat(40);
        Response saved = analyst.post("/api/analysis/buffer/save?distanceKm=5&target=" + longest, road);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(layers.layer(longest)).isPresent();
    }

    @Test
    void aDerivationThatFailsHalfWayStoresNothing() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String areas = layers.ensureLayer("longparties-" + suffix, "Areas", LayerKind.AREA, "{}")
                .id();
        Instant d1 = Instant.parse("2019-01-01T00:00:00Z");
        // party names long enough that the front's feature id cannot be stored (over 100 characters)
        String gov = "government-of-the-region-" + "g".repeat(20);
        String opp = "opposition-of-the-region-" + "o".repeat(20);
        layers.add(
                areas,
                List.of(
                        area("w-" + suffix, box(36.5, 36.7), gov, d1, null),
                        area("e-" + suffix, box(36.7, 36.9), opp, d1, null)),
                "ana",
                "test areas");
        String target = "f" + suffix + "-" + "x".repeat(30);
        Response derive = analyst.post("/api/analysis/frontlines/derive?layer=" + areas + "&target=" + target, "");
        assertBad(derive, "target");
        assertThat(layers.layer(target))
                .as("the target layer is not left behind empty")
                .isEmpty();
    }

    @Test
    void encirclementNeedsAPointLayer() {
        assertBad(anonymous.get("/api/analysis/encirclement?layer=control&points=control&at=2019-08-23"), "points");
        assertBad(anonymous.get("/api/analysis/encirclement?layer=control&points=events&at=2019-08-23"), "points");
        assertBad(anonymous.get("/api/analysis/encirclement/timeline?layer=control&points=zones"), "points");
    }

    private static void assertBad(Response r, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains(parameter);
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode byId(JsonNode collection, String id) {
        for (JsonNode f : collection.get("features")) {
            if (f.has("id") && f.get("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + id + " in " + collection);
    }
}

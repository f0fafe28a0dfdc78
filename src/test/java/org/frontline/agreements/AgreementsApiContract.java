package org.frontline.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.testsupport.Api;
import org.frontline.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

/**
 * Agreements over real HTTP with the demo loaded: the shipped Sochi and Moscow texts, and known answers on a
 * synthetic zone (events inside/outside, before/after the deadline, bound/unbound/unknown actor). Run on
 * both databases by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "frontline.demo.load=true")
abstract class AgreementsApiContract {
    private static final GeometryFactory GF = new GeometryFactory();

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

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
    void theDemoCarriesTheSochiMemorandumAndTheMoscowProtocolWithSourcedClauses() {
        JsonNode all = ok(anonymous.get("/api/agreements"));
        assertThat(ids(all)).contains("sochi-2018", "moscow-2020");
        JsonNode sochi = ok(anonymous.get("/api/agreements/sochi-2018"));
        assertThat(sochi.path("sources").get(0).path("url").asString()).startsWith("https://");
        assertThat(ids(sochi.path("clauses"))).contains("dmz", "heavy-weapons", "radical-groups");
        // in force on 1 January 2019: only Sochi; the Moscow protocol took effect on 6 March 2020
        assertThat(ids(ok(anonymous.get("/api/agreements?at=2019-01-01"))))
                .contains("sochi-2018")
                .doesNotContain("moscow-2020");
        assertThat(ids(ok(anonymous.get("/api/agreements?at=2020-03-10")))).contains("moscow-2020");
        // as the system knew it before the memorandum was signed: nothing
        assertThat(ids(ok(anonymous.get("/api/agreements?asOf=2018-09-01")))).doesNotContain("sochi-2018");
    }

    @Test
    void breachesAreForbiddenEventsInsideTheZoneAfterTheDeadlineByABoundOrUnknownActor() {
        String zone = syntheticZone("t1", 38.0, 36.0);
        Map<String, String> ev = new HashMap<>();
        ev.put("inside-bound", event("t1-e1", 38.05, 36.05, "2019-01-20", "Battles", "Armed clash", "Party A"));
        event("t1-e2", 38.25, 36.05, "2019-01-20", "Battles", "Armed clash", "Party A"); // outside
        event("t1-e3", 38.05, 36.05, "2019-01-05", "Battles", "Armed clash", "Party A"); // before signing
        event("t1-e4", 38.05, 36.05, "2019-01-20", "Battles", "Armed clash", "Party B"); // not bound
        ev.put("inside-unknown", event("t1-e5", 38.06, 36.04, "2019-01-21", "Battles", "Armed clash", null));
        event("t1-e6", 38.05, 36.05, "2019-01-25", "Battles", "Armed clash", "Group G"); // before its deadline
        ev.put("after-deadline", event("t1-e7", 38.07, 36.07, "2019-02-05", "Battles", "Armed clash", "Group G"));
        event("t1-e8", 38.05, 36.05, "2019-01-22", "Protests", "Peaceful protest", "Party A"); // not forbidden
        create(agreement("t1-accord", zone, "2019-01-10", "2019-02-01"));

        JsonNode fc = ok(anonymous.get("/api/agreements/t1-accord/breaches?from=2019-01-01&to=2019-03-31"));
        Set<String> found = new HashSet<>();
        fc.path("features")
                .forEach(f -> found.add(f.path("properties").path("eventId").asString() + "/"
                        + f.path("properties").path("clause").asString() + "/"
                        + f.path("properties").path("actorClass").asString()));
        assertThat(found)
                .containsExactlyInAnyOrder("t1-e1/zone/Party A", "t1-e5/zone/unknown actor", "t1-e7/withdraw/Group G");

        JsonNode counts =
                ok(anonymous.get("/api/agreements/t1-accord/breaches/counts?from=2019-01-01&to=2019-03-31&by=week"));
        assertThat(counts.path("total").asInt()).isEqualTo(3);
        assertThat(counts.path("byActor").path("unknown actor").asInt()).isEqualTo(1);
        assertThat(counts.path("byClause").path("zone").asInt()).isEqualTo(2);
        // weeks start on Monday; 2019-01-20 is a Sunday, so e1 falls in the week of 14 January
        JsonNode week = bucket(counts, "2019-01-14");
        assertThat(week.path("total").asInt()).isEqualTo(1);
        assertThat(bucket(counts, "2019-01-21").path("total").asInt()).isEqualTo(1);
        assertThat(counts.path("buckets").size()).isGreaterThan(10); // empty weeks keep the axis

        Response csv = anonymous.get("/api/agreements/t1-accord/breaches?from=2019-01-01&to=2019-03-31&f=csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("event_id,date,event_type");
        assertThat(lines).hasSize(4);
        assertThat(ev).hasSize(3);
    }

    @Test
    void breachesFollowCorrectionsAndAnswerAsTheSystemKnewThen() throws InterruptedException {
        String zone = syntheticZone("t2", 38.3, 36.3);
        String id = event("t2-e1", 38.35, 36.35, "2019-01-20", "Battles", "Armed clash", "Party A");
        create(agreement("t2-accord", zone, "2019-01-10", "2019-02-01"));
        assertThat(breachIds("t2-accord", "")).containsExactly("t2-e1");
        Instant before = Instant.now();
        Thread.sleep(20);
        // the analyst learns the clash was outside the zone: the breach goes at once, but not for asOf before
        String moved = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[38.6,36.35]},
                 "properties":{"eventType":"Battles","subEventType":"Armed clash","actor1":"Party A",
                 "validFrom":"2019-01-20","validTo":"2019-01-21","sourcePublisher":"test","confidence":"high",
                 "geoPrecision":"exact","timePrecision":"day"}}""";
        assertThat(analyst.put("/api/features/" + id + "?reason=relocated", moved)
                        .status())
                .isEqualTo(200);
        assertThat(breachIds("t2-accord", "")).isEmpty();
        assertThat(breachIds("t2-accord", "&asOf=" + before)).containsExactly("t2-e1");
    }

    @Test
    void badAgreementsAreRefusedNamingTheFieldAndNothingIsStored() {
        String zone = syntheticZone("t3", 38.6, 36.6);
        int before = ok(anonymous.get("/api/agreements")).size();
        String good = agreement("t3-accord", zone, "2019-01-10", "2019-02-01");
        // an area that is a point layer's feature, not a polygon
        String pointArea = good.replace(
                "\"layer\":\"t3zones\",\"feature\":\"" + zone + "\"}, \"from\"",
                "\"layer\":\"events\",\"feature\":\"ev-001\"}, \"from\"");
        assertBad(pointArea, "clauses[0].area");
        assertBad(good.replace("\"deadline\":\"2019-02-01\"", "\"deadline\":\"2018-12-01\""), "clauses[1].deadline");
        assertBad(good.replace("\"Armed clash\"]", "\"Skirmish\"]"), "clauses[1].forbids[0]");
        assertBad(good.replace("\"type\":\"demilitarised-zone\"", "\"type\":\"truce\""), "clauses[0].type");
        assertBad(good.replace("\"signedOn\":\"2019-01-10\"", "\"signedOn\":\"2019-02-30\""), "signedOn");
        assertBad("[1,2]", "JSON object");
        assertThat(ok(anonymous.get("/api/agreements")).size()).isEqualTo(before);
        // only analysts write; a second agreement with the same id is a conflict, not a second version
        assertThat(anonymous.postJson("/api/agreements", good).status()).isEqualTo(401);
        create(good);
        assertThat(analyst.postJson("/api/agreements", good).status()).isEqualTo(409);
        // a correction makes a new version; the old one stays in the history
        Response put = analyst.put(
                "/api/agreements/t3-accord?reason=renamed", good.replace("Test accord", "Test accord (amended)"));
        assertThat(put.status()).isEqualTo(200);
        JsonNode history = ok(anonymous.get("/api/agreements/t3-accord/history"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(ok(anonymous.get("/api/agreements/t3-accord")).path("name").asString())
                .contains("amended");
        assertThat(anonymous.get("/api/agreements/nope").status()).isEqualTo(404);
        assertThat(anonymous
                        .get("/api/agreements/t3-accord/breaches/counts?by=year")
                        .status())
                .isEqualTo(400);
    }

    private void assertBad(String body, String field) {
        Response r = analyst.postJson("/api/agreements", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).contains("problem+json");
        assertThat(r.json().path("detail").asString()).contains(field);
    }

    private List<String> breachIds(String agreement, String extra) {
        JsonNode fc =
                ok(anonymous.get("/api/agreements/" + agreement + "/breaches?from=2019-01-01&to=2019-12-31" + extra));
        List<String> out = new ArrayList<>();
        fc.path("features")
                .forEach(f -> out.add(f.path("properties").path("eventId").asString()));
        return out;
    }

    private static JsonNode bucket(JsonNode counts, String start) {
        for (JsonNode b : counts.path("buckets")) {
            if (b.path("start").asString().equals(start)) {
                return b;
            }
        }
        throw new AssertionError("no bucket " + start + " in " + counts);
    }

    private String syntheticZone(String prefix, double x, double y) {
        String layer = prefix + "zones";
        layers.ensureLayer(layer, "Test zones " + prefix, LayerKind.AREA, "{}");
        var square = GF.toGeometry(new Envelope(x, x + 0.1, y, y + 0.1));
        layers.add(
                layer,
                List.of(new NewFeature(
                        prefix + "-zone", square, Map.of("name", "zone"), day("2019-01-01"), null, prov())),
                "test",
                "synthetic zone");
        return prefix + "-zone";
    }

    private String event(String id, double x, double y, String date, String type, String sub, String actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("eventType", type);
        p.put("subEventType", sub);
        if (actor != null) {
            p.put("actor1", actor);
        }
        p.put("fatalities", 1);
        p.put("title", "=HYPERLINK(\"http://x\")");
        layers.add(
                "events",
                List.of(new NewFeature(
                        id,
                        GF.createPoint(new Coordinate(x, y)),
                        p,
                        day(date),
                        day(date).plusSeconds(86_400),
                        prov())),
                "test",
                "synthetic event");
        return id;
    }

    private String agreement(String id, String zone, String signed, String deadline) {
        String layer = zone.substring(0, zone.indexOf('-')) + "zones";
        return """
                {"id":"%s","name":"Test accord","parties":["Party A","Group G"],"signedOn":"%s",
                 "sources":[{"publisher":"test","url":"https://example.org/accord","date":"%s"}],
                 "clauses":[
                   {"id":"zone","type":"demilitarised-zone","area":{"layer":"%s","feature":"%s"}, "from":"%s",
                    "boundParties":["Party A"],"forbids":["Battles"]},
                   {"id":"withdraw","type":"group-withdrawal","area":{"layer":"%s","feature":"%s"},
                    "deadline":"%s","boundParties":["Group G"],"forbids":["Armed clash"]}]}""".formatted(id, signed, signed, layer, zone, signed, layer, zone, deadline);
    }

    private void create(String body) {
        Response r = analyst.postJson("/api/agreements", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Instant day(String d) {
        return LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Provenance prov() {
        return new Provenance("test", null, null, "high", "exact", "day");
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asString()));
        return out;
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}

package org.frontline.briefings.internal;

import java.time.LocalDate;
import java.util.List;
import org.frontline.briefings.internal.BriefingInputs.BriefingInput;
import org.frontline.briefings.internal.BriefingInputs.FrameInput;
import org.frontline.layers.DemoLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the demo scenario loads: the published briefing "Idlib, September 2018 – March 2020". */
@Component
class DemoBriefing {
    static final String SLUG = "idlib-2018-2020";
    private static final Logger log = LoggerFactory.getLogger(DemoBriefing.class);
    private static final String AUTHOR = "frontline-demo";
    private static final List<String> AREAS = List.of("governorates", "control", "zones");

    private final BriefingService service;

    DemoBriefing(BriefingService service) {
        this.service = service;
    }

    @EventListener
    @Order(3)
    public void demoLoaded(DemoLoaded loaded) {
        if (service.list().stream().anyMatch(b -> b.slug().equals(SLUG))) {
            return;
        }
        service.create(
                new BriefingInput(
                        "Idlib, September 2018 – March 2020",
                        "How the Sochi buffer zone came apart: eighteen months of the north-west Syrian front in six steps, "
                                + "from the demilitarised zone to the Moscow ceasefire.",
                        SLUG),
                AUTHOR);
        for (FrameInput f : frames()) {
            service.addFrame(SLUG, f);
        }
        service.publish(SLUG, AUTHOR, "Demo edition");
        log.info("Demo briefing published at /briefings/{}", SLUG);
    }

    private static List<String> with(String... more) {
        List<String> l = new java.util.ArrayList<>(AREAS);
        l.addAll(List.of(more));
        return l;
    }

    private static FrameInput frame(
            String title,
            String day,
            String from,
            double lat,
            double lon,
            int zoom,
            List<String> layers,
            List<String> highlights,
            String overlay,
            String narrative,
            String agreement) {
        return new FrameInput(
                title,
                LocalDate.parse(day),
                from == null ? null : LocalDate.parse(from),
                List.of(lat, lon),
                zoom,
                null,
                layers,
                narrative,
                highlights,
                overlay,
                agreement);
    }

    static List<FrameInput> frames() {
        return List.of(
                frame(
                        "The Sochi deal",
                        "2018-09-17",
                        "2018-09-11",
                        35.75,
                        36.7,
                        9,
                        with("events"),
                        List.of("ev-001"),
                        null,
                        """
                        On **17 September 2018** the Russian and Turkish presidents agreed at Sochi to hold off an \
                        assault on Idlib, the last large opposition-held province.

                        The memorandum drew a *demilitarised zone* (orange) 15 to 20 km deep along the contact line. \
                        Heavy weapons were to leave it by 10 October and radical groups by 15 October. Government \
                        areas are vermilion (orange-red), opposition areas bluish green.""",
                        null),
                frame(
                        "Twelve posts along the line",
                        "2018-10-15",
                        "2018-10-01",
                        35.8,
                        36.75,
                        9,
                        with("posts", "events"),
                        List.of(),
                        null,
                        """
                        Turkey watched the deal from **twelve observation posts** (blue circles; a threatened post \
                        becomes an orange triangle, a surrounded one a dark purple square) set up since late 2017 \
                        along the inner edge of the zone, from the Latakia hills to the south of Aleppo.

                        The weapons pull-out was reported done on time; the second deadline passed without the \
                        jihadist factions leaving. The posts would later find themselves on the front line.""",
                        "sochi-2018"),
                frame(
                        "The spring 2019 offensive",
                        "2019-05-26",
                        "2019-04-30",
                        35.5,
                        36.45,
                        10,
                        with("posts", "events"),
                        List.of("ev-007", "ev-009", "ev-011"),
                        "change-since-previous",
                        """
                        From **30 April 2019** an air campaign, then a ground push into northern Hama, broke the \
                        truce. Kafr Nabuda and Qalaat al-Madiq changed hands within days, and Kafr Nabuda more than \
                        once.

                        Blue areas with a dashed black outline show ground gained since the previous frame. \
                        Hospitals and markets in the south of the province were hit, and hundreds of thousands moved \
                        north.""",
                        null),
                frame(
                        "Khan Shaykhun falls, Morek surrounded",
                        "2019-08-23",
                        "2019-08-05",
                        35.42,
                        36.65,
                        10,
                        with("posts", "events"),
                        List.of("post-09", "ev-024", "ev-026"),
                        "change-since-previous",
                        """
                        In August the offensive resumed. **Khan Shaykhun**, on the M5 motorway, fell on 21 August; \
                        two days later the pocket of northern Hama to its south was closed.

                        The Turkish post at **Morek** (highlighted) was left inside government-held ground: \
                        surrounded but not withdrawn. A Turkish convoy sent towards it had been struck on the M5.""",
                        "sochi-2018"),
                frame(
                        "Maarat al-Numan and Saraqib",
                        "2020-02-06",
                        "2020-01-24",
                        35.7,
                        36.75,
                        10,
                        with("posts", "events"),
                        List.of("ev-039", "ev-044"),
                        "change-since-previous",
                        """
                        The winter offensive from **19 December 2019** pushed north along the M5. \
                        **Maarat al-Numan** was taken on 28 January 2020 and **Saraqib**, where the M4 and M5 meet, \
                        on 6 February.

                        More Turkish posts were cut off, Turkish soldiers were killed near Saraqib, and close to a \
                        million people fled towards the Turkish border in the cold.""",
                        null),
                frame(
                        "Ceasefire and the M4 corridor",
                        "2020-03-15",
                        "2020-03-05",
                        35.8,
                        36.6,
                        9,
                        with("posts", "events"),
                        List.of("ev-056", "ev-058"),
                        "change-since-previous",
                        """
                        After heavy Turkish losses at Balyun and Turkey's *Operation Spring Shield*, a ceasefire was \
                        agreed in Moscow on **5 March 2020**, freezing the line where it stood.

                        A **security corridor** (dark purple) 6 km either side of the M4 highway was to be patrolled \
                        jointly by Russia and Turkey; the first joint patrol on 15 March was cut short by a sit-in \
                        on the road.""",
                        "moscow-2020"));
    }
}

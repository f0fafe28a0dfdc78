package org.frontline.layers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.settings.FrontlineSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The time-slider endpoint's parameter rules, on the web layer alone: the store is a fake façade that only
 * records which {@link FeatureQuery} the request became.
 */
@WebMvcTest(LayersController.class)
@Import({LayersControllerSliceTest.Settings.class, GeoJsonFeatures.class})
@WithMockUser
class LayersControllerSliceTest {

    @TestConfiguration
    @EnableConfigurationProperties(FrontlineSettings.class)
    static class Settings {}

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LayerService layers;

    @MockitoBean
    FeatureCollectionWriter writer;

    @BeforeEach
    void twoLayers() {
        when(layers.definition(any())).thenReturn(Optional.empty());
        when(layers.definition("control"))
                .thenReturn(Optional.of(new Layer("control", "Control", LayerKind.AREA, "{}", 0, null, null)));
        when(layers.definition("events"))
                .thenReturn(Optional.of(new Layer("events", "Events", LayerKind.EVENT, "{}", 1, null, null)));
    }

    private FeatureQuery queryOf(String url) throws Exception {
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"));
        ArgumentCaptor<FeatureQuery> q = ArgumentCaptor.forClass(FeatureQuery.class);
        verify(writer).write(q.capture(), any(OutputStream.class));
        return q.getValue();
    }

    private ResultActions refused(String url, int status, String detail) throws Exception {
        ResultActions r = mvc.perform(get(url))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(detail));
        verify(writer, never()).write(any(FeatureQuery.class), any(OutputStream.class));
        return r;
    }

    @Test
    void aDayAndAViewportBecomeAnInstantQueryInsideTheBox() throws Exception {
        FeatureQuery q = queryOf("/api/layers/control/features?at=2019-08-23&bbox=36.1,35.2,37.0,36.1");
        assertThat(q.layerId()).isEqualTo("control");
        assertThat(q.instant()).isTrue();
        assertThat(q.from()).isEqualTo(Instant.parse("2019-08-23T00:00:00Z"));
        assertThat(q.bbox()).isEqualTo(new Envelope(36.1, 37.0, 35.2, 36.1));
        assertThat(q.asOf()).isNull();
    }

    @Test
    void aPlainDateAsToMeansThroughThatDay() throws Exception {
        FeatureQuery q = queryOf("/api/layers/events/features?from=2019-08-01&to=2019-08-31");
        assertThat(q.instant()).isFalse();
        assertThat(q.from()).isEqualTo(Instant.parse("2019-08-01T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2019-09-01T00:00:00Z"));
    }

    @Test
    void anOpenWindowReachesTheStoresTimeBounds() throws Exception {
        FeatureQuery q = queryOf("/api/layers/events/features?from=2019-08-01");
        assertThat(q.to()).isEqualTo(Instant.parse("3000-01-01T00:00:00Z"));
    }

    @Test
    void withoutATimeEventsAnswerAllAndAreasTheirStateNow() throws Exception {
        FeatureQuery q = queryOf("/api/layers/events/features");
        assertThat(q.from()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("3000-01-01T00:00:00Z"));
    }

    @Test
    void aPlainDateAsAsOfMeansTheEndOfThatDay() throws Exception {
        FeatureQuery q = queryOf("/api/layers/control/features?at=2019-08-23&asOf=2019-08-27");
        assertThat(q.asOf()).isEqualTo(Instant.parse("2019-08-27T23:59:59.999999Z"));
    }

    @Test
    void atTogetherWithAWindowIsRefused() throws Exception {
        refused(
                "/api/layers/control/features?at=2019-08-23&from=2019-08-01",
                400,
                "give either 'at' or 'from'/'to', not both");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() throws Exception {
        refused(
                "/api/layers/events/features?from=2019-09-01&to=2019-08-01",
                400,
                "'to' (2019-08-01) must not be before 'from' (2019-09-01)");
    }

    @Test
    void aDateThatIsNotADateIsRefusedNamingTheParameter() throws Exception {
        refused(
                "/api/layers/control/features?at=23.08.2019",
                400,
                "at is not a date (YYYY-MM-DD) or an ISO-8601 instant: '23.08.2019'");
        refused(
                "/api/layers/control/features?at=1899-12-31",
                400,
                "at must lie between the years 1900 and 2999, got '1899-12-31'");
    }

    @Test
    void aBadBoxIsRefusedSayingWhy() throws Exception {
        refused(
                "/api/layers/control/features?bbox=36,35,37",
                400,
                "bbox must be minLon,minLat,maxLon,maxLat (4 numbers), got '36,35,37'");
        refused(
                "/api/layers/control/features?bbox=37,35,36,36",
                400,
                "bbox min must not exceed max: got minLon 37.0, maxLon 36.0, minLat 35.0, maxLat 36.0");
    }

    @Test
    void anUnknownLayerIsNotFound() throws Exception {
        refused("/api/layers/nope/features?at=2019-08-23", 404, "there is no layer 'nope'");
    }
}

package org.frontline.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The settings as start-up sees them: application.properties binds as is, a bad value stops the start with
 * Spring Boot's failure report naming the key (in its camel-case form, e.g. frontline.upload.maxBytes, for
 * validation errors), and a setting is text (no expression in it is evaluated).
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FrontlineSettings.class)
    static class OnlySettings {}

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OnlySettings.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args);
    }

    @Test
    void theShippedDefaultsBind() {
        try (ConfigurableApplicationContext ctx = start()) {
            FrontlineSettings s = ctx.getBean(FrontlineSettings.class);
            assertThat(s.upload().maxBytes()).isEqualTo(10_485_760L);
            assertThat(s.reports().focusCountry()).isEqualTo("SY");
            assertThat(s.reports().neighbours()).containsExactly("TR", "LB", "IQ", "JO", "IL", "PS", "CY");
            assertThat(s.focusBox()).containsExactly(25.0, 28.0, 50.0, 42.5);
            assertThat(s.map().tiles().url()).isEmpty();
            assertThat(s.map().zoom()).isEqualTo(9);
        }
    }

    @Test
    void aTileUrlWithHashBraceIsTextNotAnExpression() {
        String url = "https://tiles.example.org/{z}/{x}/{y}.png?key=#{T(java.lang.System).exit(1)}";
        try (ConfigurableApplicationContext ctx = start("--frontline.map.tiles.url=" + url)) {
            assertThat(ctx.getBean(FrontlineSettings.class).map().tiles().url()).isEqualTo(url);
        }
    }

    @Test
    void aNegativeBodyLimitStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.upload.max-bytes=-1")).isInstanceOf(RuntimeException.class);
        assertThat(out).contains("Property: frontline.upload.maxBytes").contains("must be greater than 0");
    }

    @Test
    void aCountryNameInsteadOfACodeStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.reports.focus-country=Syria"))
                .isInstanceOf(RuntimeException.class);
        assertThat(out)
                .contains("Property: frontline.reports.focusCountry")
                .contains("must be an ISO 3166 country code");
    }

    @Test
    void aZoomThatIsNotANumberStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.map.zoom=close")).isInstanceOf(RuntimeException.class);
        assertThat(out).contains("frontline.map.zoom").contains("close");
    }

    @Test
    void aFocusRegionWithMinAboveMaxStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.focus-region=50,28,25,42.5"))
                .isInstanceOf(RuntimeException.class);
        assertThat(out).contains("frontline.focus-region must be minLon,minLat,maxLon,maxLat");
    }

    @Test
    void aMissingSettingStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.reports.events-layer=")).isInstanceOf(RuntimeException.class);
        assertThat(out).contains("Property: frontline.reports.eventsLayer").contains("must not be blank");
    }

    @Test
    void aTileUrlThatIsNotHttpStopsTheStartNamingTheKey(CapturedOutput out) {
        assertThatThrownBy(() -> start("--frontline.map.tiles.url=file:///etc/passwd"))
                .isInstanceOf(RuntimeException.class);
        assertThat(out)
                .contains("Property: frontline.map.tiles.url")
                .contains("must be empty, an http(s) URL or a data:image URL");
    }
}

package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A submission is stored whole or not at all: a failure on its last candidate leaves no report behind. */
@SpringBootTest(
        properties = {
            "frontline.demo.load=false",
            "frontline.gazetteer.dir=",
            "spring.datasource.url=jdbc:sqlite:target/test-db/atomic-${random.uuid}.db"
        })
class ReportStorageAtomicityTest {

    @Autowired
    ReportService service;

    @Autowired
    DataSource dataSource;

    @MockitoSpyBean
    ReportRepository repository;

    @Test
    void aFailureHalfwayStoresNothing() {
        String feed = "<rss><channel>"
                + "<item><title>One</title><description>Air strikes hit Ariha on Monday.</description>"
                + "<pubDate>Tue, 27 Aug 2019 08:00:00 GMT</pubDate></item>"
                + "<item><title>Two</title><description>Shelling hit Saraqib overnight.</description>"
                + "<pubDate>Wed, 28 Aug 2019 08:00:00 GMT</pubDate></item></channel></rss>";
        ReportInput.Decoded decoded = ReportInput.decode(feed, null);
        assertThat(decoded.items()).hasSize(2);
        doThrow(new IllegalStateException("disk full")).when(repository).insertCandidate(anyLong(), any());
        doCallRealMethod()
                .when(repository)
                .insertReport(any(), any(), any(), any(LocalDate.class), any(), any(), any(), any());

        assertThatThrownBy(() -> service.store(decoded, "wire", null, "ana")).hasMessageContaining("disk full");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_candidate", Integer.class))
                .isZero();
    }
}

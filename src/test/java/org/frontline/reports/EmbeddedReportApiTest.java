package org.frontline.reports;

import org.springframework.test.context.TestPropertySource;

/** The report API contract on the embedded H2 + H2GIS database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1")
class EmbeddedReportApiTest extends ReportApiContract {
}

package org.frontline.reports;

import org.springframework.test.context.TestPropertySource;

/** The report API contract on the embedded SQLite database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/reports-${random.uuid}.db")
class EmbeddedReportApiTest extends ReportApiContract {}

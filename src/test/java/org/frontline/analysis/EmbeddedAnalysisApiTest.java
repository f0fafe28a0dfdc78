package org.frontline.analysis;

import org.springframework.test.context.TestPropertySource;

/** The analysis API on the embedded H2 + H2GIS database with the demo scenario. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:analysis-api;DB_CLOSE_DELAY=-1")
class EmbeddedAnalysisApiTest extends AnalysisApiContract {
}

package org.frontline.analysis;

import org.springframework.test.context.TestPropertySource;

/** The analysis API on the embedded SQLite database with the demo scenario. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/analysis-api-${random.uuid}.db")
class EmbeddedAnalysisApiTest extends AnalysisApiContract {}

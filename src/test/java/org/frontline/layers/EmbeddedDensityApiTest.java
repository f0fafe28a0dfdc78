package org.frontline.layers;

import org.springframework.test.context.TestPropertySource;

/** The density contract on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/density-${random.uuid}.db")
class EmbeddedDensityApiTest extends DensityApiContract {}

package org.frontline.layers;

import org.springframework.test.context.TestPropertySource;

/** The density contract on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:density;DB_CLOSE_DELAY=-1")
class EmbeddedDensityApiTest extends DensityApiContract {
}

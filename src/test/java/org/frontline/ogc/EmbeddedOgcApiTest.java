package org.frontline.ogc;

import org.springframework.test.context.TestPropertySource;

/** The OGC API contract on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:ogc;DB_CLOSE_DELAY=-1")
class EmbeddedOgcApiTest extends OgcApiContract {
}

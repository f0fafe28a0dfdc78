package org.frontline.ogc;

import org.springframework.test.context.TestPropertySource;

/** The OGC API contract on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/ogc-${random.uuid}.db")
class EmbeddedOgcApiTest extends OgcApiContract {}

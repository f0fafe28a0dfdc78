package org.frontline.imports;

import org.springframework.test.context.TestPropertySource;

/** Imports on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:imports;DB_CLOSE_DELAY=-1")
class EmbeddedImportsTest extends ImportsContract {
}

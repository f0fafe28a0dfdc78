package org.frontline.imports;

import org.springframework.test.context.TestPropertySource;

/** Imports on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/imports-${random.uuid}.db")
class EmbeddedImportsTest extends ImportsContract {}

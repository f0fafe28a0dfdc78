package org.frontline.export;

import org.springframework.test.context.TestPropertySource;

/** The export formats on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/exports-${random.uuid}.db")
class EmbeddedExportFormatsTest extends ExportFormatsContract {}

package org.frontline.export;

import org.springframework.test.context.TestPropertySource;

/** The export formats on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:exports;DB_CLOSE_DELAY=-1")
class EmbeddedExportFormatsTest extends ExportFormatsContract {
}

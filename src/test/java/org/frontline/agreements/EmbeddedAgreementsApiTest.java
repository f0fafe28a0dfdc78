package org.frontline.agreements;

import org.springframework.test.context.TestPropertySource;

/** Agreements on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:agreements-api;DB_CLOSE_DELAY=-1")
class EmbeddedAgreementsApiTest extends AgreementsApiContract {
}

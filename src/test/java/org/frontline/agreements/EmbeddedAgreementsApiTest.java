package org.frontline.agreements;

import org.springframework.test.context.TestPropertySource;

/** Agreements on the embedded database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/agreements-${random.uuid}.db")
class EmbeddedAgreementsApiTest extends AgreementsApiContract {}

package org.frontline.layers;

import org.springframework.test.context.TestPropertySource;

/** The store contract on the embedded SQLite database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:sqlite:target/test-db/contract-${random.uuid}.db")
class EmbeddedStoreContractTest extends StoreApiContract {}

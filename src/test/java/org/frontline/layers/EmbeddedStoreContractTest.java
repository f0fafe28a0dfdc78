package org.frontline.layers;

import org.springframework.test.context.TestPropertySource;

/** The store contract on the embedded H2 + H2GIS database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1")
class EmbeddedStoreContractTest extends StoreApiContract {
}

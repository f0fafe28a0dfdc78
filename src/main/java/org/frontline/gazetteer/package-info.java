/**
 * The GeoNames gazetteer: {@link org.frontline.gazetteer.Gazetteer} (look-up by name, phonetic key,
 * area), {@link org.frontline.gazetteer.Place} and the name folding rules ({@link org.frontline.gazetteer.NameFolding})
 * shared with report parsing. File reading, the index and the HTTP endpoints are in {@code internal}.
 */
@ApplicationModule(displayName = "Gazetteer")
package org.frontline.gazetteer;

import org.springframework.modulith.ApplicationModule;

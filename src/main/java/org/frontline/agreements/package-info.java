/**
 * Agreements and ceasefire monitoring: dated commitments (clauses bound to zones of a layer) and the events that
 * breach them. The façade is {@link org.frontline.agreements.AgreementService}; storage (as versioned features),
 * breach finding, counts, the API and pages are in {@code internal}.
 */
package org.frontline.agreements;

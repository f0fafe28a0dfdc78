/**
 * Running more than one app instance: reads on a PostgreSQL streaming replica with read-your-writes for the
 * writer, and a readiness endpoint for the load balancer. Sessions live in the database (Spring Session JDBC).
 */
package org.frontline.scaleout;

package org.frontline.scaleout.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The replica's health check runs on a schedule when a replica is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("frontline.replica.url")
@EnableScheduling
class SchedulingConfig {}

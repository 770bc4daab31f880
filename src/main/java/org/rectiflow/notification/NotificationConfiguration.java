package org.rectiflow.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher's poll runs on Spring's scheduler: retries and deliveries left by other or stopped nodes. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

}

package org.rectiflow.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the domain: deadlines are calendar dates in China, whatever zone the server runs in.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(CHINA);
	}

}

package org.rectiflow.idempotency;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.rectiflow.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/** Idempotency keys for the writes of our pages and API (issue 24): the filter, and the key in every form. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	/** After Spring Security's filters (order -100): the person is known and the CSRF token checked. */
	static final int ORDER = 10;

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequests requests, Messages messages,
			Clock clock, @Value("${rectiflow.idempotency.wait:PT10S}") Duration wait,
			@Value("${rectiflow.idempotency.abandoned-after:PT2M}") Duration abandonedAfter) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(requests, messages, clock, wait, abandonedAfter));
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(ORDER);
		return registration;
	}

	/** Wraps the processor Thymeleaf asks for hidden form fields (Spring Security's CSRF one) with ours. */
	@Bean
	static BeanPostProcessor idempotencyKeyFields() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof RequestDataValueProcessor processor && "requestDataValueProcessor".equals(beanName))
						? new IdempotencyKeyFields(processor) : bean;
			}

		};
	}

}

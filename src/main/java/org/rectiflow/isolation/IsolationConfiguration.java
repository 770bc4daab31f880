package org.rectiflow.isolation;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Puts the {@link UnitGate} before every controller of ours. A {@link MappedInterceptor} bean is picked up by the
 * handler mappings themselves; the controller slices ({@code @WebMvcTest}) have no database and leave it out.
 */
@Configuration(proxyBeanMethods = false)
class IsolationConfiguration {

	@Bean
	MappedInterceptor unitGate(DataSource dataSource) {
		return new MappedInterceptor(new String[] { "/**" }, new UnitGate(new JdbcTemplate(dataSource)));
	}

}

package org.rectiflow.identity;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Our API and the engine's REST API take HTTP Basic (for outside clients) or the portal session;
 * the portal and the Camunda webapps share one form login (single sign-on).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new ChineseBasicAuthenticationEntryPoint()))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new ChineseBasicAuthenticationEntryPoint()))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		// Static assets hold no data; left behind the login, a browser fetching one with an expired session would
		// make it the page a person lands on after signing in again.
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico", "/error", "/login")
			.permitAll()
			// The published progress report is public by definition; its controller answers 404 until publication.
			.requestMatchers("/public/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// The webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/camunda/**"))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll());
		return http.build();
	}

	/**
	 * Single sign-on for Tasklist, Cockpit and Admin: the webapps take the person Spring Security authenticated
	 * instead of showing their own login. Runs after the Spring Security filter chain.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(
				Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
						SpringSecurityWebappAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}

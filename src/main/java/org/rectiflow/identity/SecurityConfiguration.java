package org.rectiflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Our API and the engine's REST API take HTTP Basic (for outside clients) or the portal session;
 * the portal uses form login. The Camunda webapps keep their own login for now.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		http.securityMatcher("/api/**", "/engine-rest/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new ChineseBasicAuthenticationEntryPoint()))
			.addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/css/**", "/images/**", "/favicon.ico", "/error", "/camunda/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

}

package org.rectiflow.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.rectiflow.audit.AuditKind;
import org.rectiflow.audit.AuditLog;
import org.rectiflow.system.Messages;
import org.rectiflow.unit.Units;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what. Our API and the engine's REST API take HTTP Basic (for outside clients) or the portal session;
 * the portal and the Camunda webapps share one form login (single sign-on).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, Directory directory,
			Units units, Messages messages) throws Exception {
		http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(PASSWORD_ORACLES).denyAll().anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new ChineseBasicAuthenticationEntryPoint()))
			// A write carried by the session cookie needs the portal's token (X-CSRF-TOKEN); HTTP Basic clients do not.
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SessionCsrf::isSessionWrite)
				.csrfTokenRequestHandler(new SessionCsrf.HeaderOnly()))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new ChineseBasicAuthenticationEntryPoint())
				.accessDeniedHandler(new SessionCsrf.Refusal(messages)))
			// JSON and files only: nothing here is ever a page to run scripts in or to frame.
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(API_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new SessionGroupsFilter(directory, units), BasicAuthenticationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService, units), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The portal's pages: scripts, styles, fonts and images from our own origin only (no inline script or style, no
	 * {@code eval}), no plugins, forms posting only to us, framed only by ourselves.
	 */
	static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

	/**
	 * Camunda's webapps (AngularJS) set their own, looser Content-Security-Policy ({@code HttpHeaderSecurityFilter},
	 * with a nonce, {@code unsafe-eval} and inline styles they need, and {@code frame-ancestors 'none'}); a second
	 * policy from us would be enforced on top of theirs and break them, so ours stays off their paths.
	 */
	static final RequestMatcher NOT_WEBAPPS = new NegatedRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));

	/**
	 * The engine's {@code POST /identity/verify} checks an account's password for whoever may read the account
	 * (administrators), outside our throttle and audit: a password oracle, at {@code /engine-rest} and in the webapps'
	 * copy of the REST API. Nothing of ours or of the webapps uses it. (The webapps' own login, {@code /camunda/api/admin/auth/user/…/login/…}, is
	 * closed with them.)
	 */
	static final RequestMatcher PASSWORD_ORACLES = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/identity/verify"),
			PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/engine/engine/*/identity/verify"));

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AuditLog auditLog, Directory directory, Units units,
			Messages messages) throws Exception {
		// Static assets hold no data; left behind the login, a browser fetching one with an expired session would
		// make it the page a person lands on after signing in again.
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico", "/error", "/login")
			.permitAll()
			// The published progress report is public by definition; its controller answers 404 until publication.
			.requestMatchers("/public/**")
			.permitAll()
			.requestMatchers(PASSWORD_ORACLES)
			.denyAll()
			.anyRequest()
			.authenticated())
			// The webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/camunda/**"))
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(NOT_WEBAPPS,
						new ContentSecurityPolicyHeaderWriter(PORTAL_POLICY)))
				.frameOptions((frame) -> frame.sameOrigin())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new LoginAudit(auditLog))
				.failureHandler(SecurityConfiguration::loginFailed)
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						auditLog.record(authentication.getName(), AuditLog.clientAddress(request), AuditKind.LOGOUT,
								"user:" + authentication.getName(), null);
					}
				})
				.permitAll())
			// Our login page fronts the webapps: their own login endpoint answers nobody, before anything else runs.
			.addFilterBefore(new WebappsLoginRefusal(messages), SecurityContextHolderFilter.class)
			.addFilterBefore(new SessionGroupsFilter(directory, units), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** A throttled sign-in is told how long to wait; any other failure gets the usual "wrong name or password". */
	static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String query = (ex instanceof LoginThrottledException throttled) ? "?locked=" + throttled.getMinutes() : "?error";
		response.sendRedirect(request.getContextPath() + "/login" + query);
	}

	/** Records a sign-in on our login page, then goes where the person was heading. */
	static final class LoginAudit extends SavedRequestAwareAuthenticationSuccessHandler {

		private final AuditLog auditLog;

		LoginAudit(AuditLog auditLog) {
			this.auditLog = auditLog;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			this.auditLog.record(authentication.getName(), AuditLog.clientAddress(request), AuditKind.LOGIN,
					"user:" + authentication.getName(), null);
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	/**
	 * Refuses Java-serialized variables and variables of classes off the allow-list at the door of the engine's REST API
	 * and the webapps' API with a 400, before the REST layer builds anything. After Spring Security: strangers get 401
	 * first.
	 */
	@Bean
	FilterRegistrationBean<JavaSerializationGuardFilter> javaSerializationGuardFilter(Messages messages,
			MultipartProperties multipart) {
		FilterRegistrationBean<JavaSerializationGuardFilter> registration = new FilterRegistrationBean<>(
				new JavaSerializationGuardFilter(messages, multipart.getMaxRequestSize().toBytes()));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
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

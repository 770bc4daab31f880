package org.rectiflow.system;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect the application sends stays on the site the browser is on: its {@code Location} is a path
 * ({@code /login}, {@code /inspections/1?continue}), never an absolute address built from the request's {@code Host}
 * header. Spring Security's login entry point and its saved request, Tomcat's {@code sendRedirect} (for HTTP/1.0
 * even with relative redirects on) and the webapps all build absolute addresses from that header, which the client
 * chooses: {@code Host: evil.example} turned {@code GET /inspections/1} into a redirect to
 * {@code http://evil.example/login}, and a cache in front could keep that for everyone. The application never means to
 * send anyone to another site, so an absolute address keeps only its path, query and fragment. Browsers resolve a
 * relative {@code Location} against the address they asked for (RFC 9110), behind a proxy too.
 */
@Configuration(proxyBeanMethods = false)
class RelativeRedirects {

	/** Slashes or backslashes at the start: browsers read {@code //host} and {@code /\host} as another site. */
	private static final Pattern LEADING_SLASHES = Pattern.compile("^[/\\\\]+");

	private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> relativeRedirectFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				chain.doFilter(request, new Relative(response));
			}

			@Override
			protected boolean shouldNotFilterErrorDispatch() {
				return false;
			}
		});
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** The path, query and fragment of a redirect's target: an absolute address loses its scheme and host. */
	static String relative(String location) {
		if (location == null) {
			return null;
		}
		String target = location.strip();
		String lower = target.toLowerCase(Locale.ROOT);
		if (ABSOLUTE.matcher(target).matches() && (lower.startsWith("http:") || lower.startsWith("https:"))) {
			target = target.substring(target.indexOf(':') + 1);
			target = LEADING_SLASHES.matcher(target).replaceFirst("");
			int path = indexOfAny(target, "/?#\\");
			target = (path < 0) ? "/" : target.substring(path);
			if (target.startsWith("?") || target.startsWith("#")) {
				target = "/" + target;
			}
		}
		else if (ABSOLUTE.matcher(target).matches()) {
			// javascript:, data: and the like are never ours to send.
			return "/";
		}
		if (target.startsWith("/") || target.startsWith("\\")) {
			return LEADING_SLASHES.matcher(target).replaceFirst("/");
		}
		return target;
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** Sends redirects itself, so the container never makes them absolute. */
	static final class Relative extends HttpServletResponseWrapper {

		Relative(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			if (isCommitted()) {
				throw new IllegalStateException("the response is already committed");
			}
			resetBuffer();
			setStatus(HttpServletResponse.SC_FOUND);
			setHeader(HttpHeaders.LOCATION, location);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(value) : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? relative(value) : value);
		}

	}

}

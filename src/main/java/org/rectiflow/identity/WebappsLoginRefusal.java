package org.rectiflow.identity;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.system.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404, for everyone, to the webapps' own login ({@code /camunda/api/admin/auth/user/{engine}/login/{app}}).
 * Our login page fronts the webapps (single sign-on, {@code ContainerBasedAuthenticationFilter}); that endpoint checked
 * any password it was sent outside our login throttle and audit log, a password oracle for anyone signed in. It never
 * reaches Camunda's code: the path is matched after the container has decoded and normalised it (so
 * {@code %6Cogin}, a trailing slash or another engine name change nothing), in any case, for every method.
 */
class WebappsLoginRefusal extends OncePerRequestFilter {

	/** The admin API's user authentication resource: login under any engine name, for any app or none. */
	static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]*/login(/.*)?$");

	private final Messages messages;

	WebappsLoginRefusal(Messages messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isWebappsLogin(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(this.messages.get("error.webapps.login"));
	}

	static boolean isWebappsLogin(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return LOGIN.matcher(path.toLowerCase(Locale.ROOT)).matches();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}

package org.rectiflow.identity;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.rectiflow.system.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * CSRF for our API and the engine's REST API. A request authenticated by the session cookie could be sent by a page of
 * another origin on the same site (SameSite=Lax stops only other sites), so a write carried by the session needs the
 * portal's CSRF token, the one its forms carry, in the {@code X-CSRF-TOKEN} header. A request with HTTP Basic
 * credentials (outside clients) is not affected, unless a browser sent it on behalf of another site. Reading needs
 * no token.
 */
final class SessionCsrf {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private SessionCsrf() {
	}

	/** What a browser says about a request sent from its own origin, or typed in by the person. */
	private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");

	/**
	 * A writing request authenticated by the session, or by Basic credentials that a browser sent for a page of
	 * another origin: a browser remembers the credentials typed into its Basic prompt and sends them with such a page's
	 * requests too, marked {@code Sec-Fetch-Site: cross-site} or {@code same-site}. Outside clients send no such
	 * header.
	 */
	static boolean isSessionWrite(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
			return false;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (authorization != null && authorization.strip().toLowerCase(Locale.ROOT).startsWith("basic ")) {
			return fetchSite != null && !OWN_ORIGIN.contains(fetchSite.strip().toLowerCase(Locale.ROOT));
		}
		HttpSession session = request.getSession(false);
		return session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
	}

	/**
	 * Takes the token from the header only: reading a request parameter would make the container parse a multipart
	 * body before the REST API reads it.
	 */
	static final class HeaderOnly implements CsrfTokenRequestHandler {

		private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
			this.delegate.handle(request, response, csrfToken);
		}

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
			return (request.getHeader(csrfToken.getHeaderName()) != null)
					? this.delegate.resolveCsrfTokenValue(request, csrfToken) : null;
		}

	}

	/** 403 with the reason in the person's language for a missing or wrong token; any other refusal stays 403. */
	static final class Refusal implements AccessDeniedHandler {

		private final Messages messages;

		private final ObjectMapper json = new ObjectMapper();

		Refusal(Messages messages) {
			this.messages = messages;
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
				throws IOException {
			String message = this.messages.get((ex instanceof CsrfException) ? "error.csrf.session" : "error.forbidden");
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), Map.of("status", 403, "message", message));
		}

	}

}

package org.rectiflow.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.system.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes that are safe to send again (issue 24). A write of our pages, our API or the engine's REST API (POST, PUT,
 * PATCH, DELETE; not the Camunda webapps, which send no key) that carries an idempotency key — the {@value #HEADER}
 * header, or on our pages the {@value #FIELD} field every form sends ({@link IdempotencyKeyFields}, one key per form
 * shown) — runs
 * once per person and key: a repeat gets the first answer again (with {@code Idempotent-Replayed: true}) and changes
 * nothing. So a double click, or a phone resending after a lost answer, is harmless.
 * <ul>
 * <li>A repeat that arrives while the first request still runs waits for its answer (up to
 * {@code rectiflow.idempotency.wait}, 10 s), then is told to look again in a moment (409).</li>
 * <li>The same key for another request (another method or address) is refused (422): keys are not reused.</li>
 * <li>A request that failed on the server (5xx, or an exception) gives its key back, so the retry runs; one whose
 * answer was never kept (its node died) is taken over by a repeat after {@code rectiflow.idempotency.abandoned-after}
 * (2 min) — what it did is then recognised by the writes themselves (the same file is not stored twice, a step
 * completed by the person says so).</li>
 * </ul>
 * Runs after Spring Security (the person is known, the CSRF token checked), before our controllers.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String FIELD = "idempotencyKey";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** The largest answer kept for replay; our writes answer with a redirect or a small JSON document. */
	static final int MAX_KEPT_BODY = 256 * 1024;

	private final IdempotentRequests requests;

	private final Messages messages;

	private final Clock clock;

	private final Duration wait;

	private final Duration abandonedAfter;

	IdempotencyFilter(IdempotentRequests requests, Messages messages, Clock clock, Duration wait,
			Duration abandonedAfter) {
		this.requests = requests;
		this.messages = messages;
		this.clock = clock;
		this.wait = wait;
		this.abandonedAfter = abandonedAfter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !WRITES.contains(request.getMethod()) || path.startsWith("/camunda") || path.equals("/login")
				|| path.equals("/logout");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = keyOf(request);
		String userId = signedIn();
		if (key == null || userId == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!KEY.matcher(key).matches()) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, "error.idempotency.badKey");
			return;
		}
		String fingerprint = fingerprint(request);
		if (!this.requests.claim(userId, key, fingerprint) && !mayRunAgain(userId, key, fingerprint, response)) {
			return;
		}
		ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, caching);
			int status = caching.getStatus();
			if (status < 500 && caching.getContentSize() <= MAX_KEPT_BODY) {
				this.requests.finish(userId, key, new IdempotentRequests.Answer(status, caching.getContentType(),
						caching.getHeader(HttpHeaders.LOCATION), caching.getContentAsByteArray()));
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.requests.release(userId, key);
			}
			caching.copyBodyToResponse();
		}
	}

	/**
	 * The key was used before by this person: replays the first answer (true is never returned then), waits for a
	 * first request still running, refuses a different request with the same key — or, for a first request that
	 * never finished, takes it over and returns true: run this one.
	 */
	private boolean mayRunAgain(String userId, String key, String fingerprint, HttpServletResponse response)
			throws IOException {
		long until = System.nanoTime() + this.wait.toNanos();
		while (true) {
			Optional<IdempotentRequests.Claimed> claimed = this.requests.find(userId, key);
			if (claimed.isEmpty()) {
				// Given back by a first request that failed a moment ago: claim it anew.
				if (this.requests.claim(userId, key, fingerprint)) {
					return true;
				}
				continue;
			}
			IdempotentRequests.Claimed first = claimed.get();
			if (!first.fingerprint().equals(fingerprint)) {
				refuse(response, 422, "error.idempotency.reused");
				return false;
			}
			if (first.done()) {
				replay(first.answer(), response);
				return false;
			}
			if (first.claimedAt().plus(this.abandonedAfter).isBefore(this.clock.instant())
					&& this.requests.takeOver(userId, key, first.claimedAt())) {
				return true;
			}
			if (System.nanoTime() > until) {
				refuse(response, HttpServletResponse.SC_CONFLICT, "error.idempotency.inProgress");
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				refuse(response, HttpServletResponse.SC_CONFLICT, "error.idempotency.inProgress");
				return false;
			}
		}
	}

	private static void replay(IdempotentRequests.Answer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		response.setHeader(REPLAYED, "true");
		if (answer.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, answer.location());
		}
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		byte[] body = (answer.body() == null) ? new byte[0] : answer.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private void refuse(HttpServletResponse response, int status, String messageKey) throws IOException {
		String message = this.messages.get(messageKey);
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
				+ ",\"detail\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 409 -> "Conflict";
			default -> "Unprocessable Entity";
		};
	}

	/** The header, else the form field (read from the form's parameters, multipart forms included). */
	private static String keyOf(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if ((key == null || key.isBlank()) && !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
			try {
				key = request.getParameter(FIELD);
			}
			catch (RuntimeException unreadable) {
				// A form the container cannot parse (e.g. a NUL in a file name): no key; the controller's own
				// parsing meets the same fault, kept by the container, and answers it as a bad request.
				return null;
			}
		}
		return (key == null || key.isBlank()) ? null : key.strip();
	}

	private static String fingerprint(HttpServletRequest request) {
		String query = request.getQueryString();
		String target = request.getMethod() + " " + request.getRequestURI() + ((query == null) ? "" : "?" + query);
		return (target.length() > 1000) ? target.substring(0, 1000) : target;
	}

	private static String signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}

package org.rectiflow.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rectiflow.system.Messages;
import org.rectiflow.system.TaskTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * What the engine's REST API ({@code /engine-rest}) and the webapps' API ({@code /camunda/api/…}) answer when a
 * request fails. Camunda's mappers ({@code ExceptionHandlerHelper}) answer every {@link ProcessEngineException} that
 * is not a {@link BadUserRequestException} with 500, and its resources wrap even those into a 500
 * ({@code TaskResourceImpl.complete}: "Cannot complete task …: " and our own validation message); the messages carry
 * ENGINE-/SPIN- codes, Java and Jackson class names, and are in English.
 * <p>
 * Here, for every entry point at once (both JAX-RS applications and Spring's {@code /error}):
 * <ul>
 * <li>an interceptor in front of every command notes, in the request, the exception a command of that request
 * threw;</li>
 * <li>a filter buffers error answers (only those) and rewrites them: the caller's mistakes become 400, 403, 404 or
 * 409 — our refusals ({@code NotValidException} from our listeners and guards, a lost race) with our message, the
 * engine's bad-request exceptions (including the plain {@code ProcessEngineException} without a cause that the
 * engine throws on invalid arguments) with a sentence in the person's language; anything left at 5xx gets a generic
 * sentence. Nothing that names the server's inside leaves: the detail is logged here.</li>
 * </ul>
 */
@Component
class EngineErrorResponses extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineErrorResponses.class);

	/** Where the interceptor leaves the exception a command of the current request threw. */
	static final String FAILURE = EngineErrorResponses.class.getName() + ".failure";

	/** What must not reach a client: engine and Spin codes, packages and classes, DTOs, stack frames, serializers. */
	static final Pattern INTERNALS = Pattern.compile("ENGINE-\\d|SPIN[-/]|\\b(org|com|java|javax|jakarta|sun)\\.[a-z]"
			+ "|Dto\\b|\\bat [a-z]+\\.[a-z]|Caused by|Exception:|\\$[A-Z]|Cannot deserialize|serializer|isTransient"
			+ "|\\bclass\\b|\\bnull\\b|Unrecognized field|\\bSQL|\\bJDBC", Pattern.CASE_INSENSITIVE);

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Codes the engine puts in front of its messages. */
	private static final Pattern CODE = Pattern.compile("^(ENGINE|SPIN/[A-Z-]+)-\\d+\\s*");

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The exceptions the engine's services throw on a wrong argument before any command runs (so none was noted):
	 * {@code setJobRetriesAsync} without jobs, {@code newGroup(null)}. A fault of the database happens inside a
	 * command and is noted with its cause.
	 */
	static final java.util.Set<String> REFUSALS_OUTSIDE_COMMANDS = java.util.Set.of("ProcessEngineException",
			"NullValueException", "NotValidException", "BadUserRequestException");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineInterceptors.add(configuration, EngineInterceptors.Pre.NOTE_FAILURE, NoteFailure::new);
	}

	@Bean
	static FilterRegistrationBean<ErrorBodies> engineErrorBodies(Messages messages) {
		FilterRegistrationBean<ErrorBodies> registration = new FilterRegistrationBean<>(new ErrorBodies(messages));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/error");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// After Spring's RequestContextFilter (-105), which sets the request's locale; before Spring Security.
		registration.setOrder(-104);
		return registration;
	}

	/** Notes the failure of the outermost command of a request; a later success clears it. */
	static final class NoteFailure extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			try {
				T result = this.next.execute(command);
				if (request != null) {
					request.removeAttribute(FAILURE, RequestAttributes.SCOPE_REQUEST);
				}
				return result;
			}
			catch (RuntimeException ex) {
				if (request != null) {
					request.setAttribute(FAILURE, ex, RequestAttributes.SCOPE_REQUEST);
				}
				throw ex;
			}
		}

	}

	/** The end of the engine's message when its tenant check refuses a command (CommandLogger). */
	static final String UNAUTHORIZED_TENANT = "because it belongs to no authenticated tenant";

	/** The status a failure of the caller's making deserves, or 0 for a fault of the server. */
	static int statusOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TaskTakenException) {
				return 409;
			}
			if (cause instanceof AuthorizationException) {
				return 403;
			}
			if (cause instanceof NotFoundException) {
				return 404;
			}
			if (cause instanceof BadUserRequestException) {
				return 400;
			}
		}
		// Another unit's record (issue 18): the engine's tenant check refuses it with a bare ProcessEngineException;
		// it is answered as if it did not exist, as the engine's queries leave it out.
		if (failure != null && failure.getClass() == ProcessEngineException.class && failure.getCause() == null
				&& failure.getMessage() != null && failure.getMessage().contains(UNAUTHORIZED_TENANT)) {
			return 404;
		}
		// The engine refuses invalid arguments with a bare ProcessEngineException ("Object values cannot be used to
		// query", "Retries count is not greater than or equal to 0", a variable type without a serializer); a fault
		// of the database or of a delegate always carries its cause.
		if (failure != null && failure.getClass() == ProcessEngineException.class && failure.getCause() == null) {
			return 400;
		}
		return 0;
	}

	/** The message of the refusal that matters: ours, or the engine's bad-request exception's. */
	static String messageOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
				return cause.getMessage();
			}
		}
		return (failure == null) ? null : failure.getMessage();
	}

	/**
	 * Whether a text can be shown to a person in this language. A text in Chinese is ours (the engine writes English):
	 * our refusals, which may quote what the person typed. An English one is shown to those who asked for English
	 * when it names nothing of the server.
	 */
	static boolean presentable(String message, boolean english) {
		if (message == null || message.isBlank()) {
			return false;
		}
		return HAN.matcher(message).find() || (english && !INTERNALS.matcher(message).find());
	}

	static final class ErrorBodies extends OncePerRequestFilter {

		private final Messages messages;

		ErrorBodies(Messages messages) {
			this.messages = messages;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("/error".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
				// Spring's error page asked for directly: there is no error to show, nothing to find.
				write(response, 404, body(404, null, this.messages.get(locale(request), "error.engine.notFound"), null));
				return;
			}
			Buffering buffering = new Buffering(response);
			try {
				chain.doFilter(request, buffering);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (response.isCommitted()) {
					throw ex;
				}
				log.error("Engine API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
				buffering.status = 500;
				buffering.buffered = true;
			}
			if (!buffering.buffered) {
				return;
			}
			Throwable failure = (Throwable) request.getAttribute(FAILURE);
			rewrite(request, response, buffering, failure);
		}

		private static Locale locale(HttpServletRequest request) {
			return english(request) ? Locale.ENGLISH : Messages.DEFAULT_LOCALE;
		}

		/** English when the client asked for it (Accept-Language, {@code ?lang=en}, our language cookie). */
		private static boolean english(HttpServletRequest request) {
			Cookie cookie = WebUtils.getCookie(request, Messages.LANGUAGE_COOKIE);
			String query = request.getQueryString();
			if (query != null && (query.contains("lang=en") || query.contains("lang=zh"))) {
				return query.contains("lang=en");
			}
			if (cookie != null) {
				return cookie.getValue().startsWith("en");
			}
			return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
					&& "en".equals(request.getLocale().getLanguage());
		}

		private void rewrite(HttpServletRequest request, HttpServletResponse response, Buffering buffering,
				Throwable failure) throws IOException {
			int status = buffering.status;
			String original = buffering.text();
			JsonNode json = readJson(original);
			String type = String.valueOf(buffering.getContentType());
			boolean page = json == null && type.startsWith("text/html");
			boolean problem = json != null && !json.has("message") && json.has("detail");
			// A refusal in plain text that speaks the person's language was written by one of our filters before the
			// request reached Camunda (e.g. the closed webapps login): nothing of the server's in it.
			boolean ours = json == null && failure == null && type.startsWith("text/plain") && presentable(original, false);
			if (status < 500 && (page || problem || ours)) {
				// A page, an RFC 9457 problem or our plain-text refusal: written by us (the sign-in prompt, a refused
				// request), let it through with the status it was written with (held back while buffering).
				byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
				response.setStatus(status);
				response.setContentLength(bytes.length);
				response.getOutputStream().write(bytes);
				return;
			}
			if (failure == null && json != null && status >= 500
					&& REFUSALS_OUTSIDE_COMMANDS.contains(json.path("type").asText())) {
				// Thrown by the engine's services while checking arguments, before any command ran.
				status = 400;
			}
			int mapped = statusOf(failure);
			if (status >= 500 && mapped != 0) {
				status = mapped;
			}
			Locale locale = locale(request);
			boolean english = Locale.ENGLISH.equals(locale);
			String candidate = (failure != null && statusOf(failure) != 0) ? messageOf(failure)
					: (json != null) ? json.path("message").asText(null) : null;
			candidate = (candidate == null) ? null : CODE.matcher(candidate.strip()).replaceFirst("");
			String message;
			if (status == 409 && failure != null && statusOf(failure) == 409) {
				message = this.messages.get(locale, "error.step.gone");
			}
			else if (status < 500 && presentable(candidate, english)) {
				message = candidate;
			}
			else {
				message = this.messages.get(locale, genericKey(status));
			}
			if (status >= 500 || !message.equals(candidate)) {
				log.warn("Engine API {} {} answered {} (was {}): {}", request.getMethod(), request.getRequestURI(),
						status, buffering.status, original, failure);
			}
			write(response, status, body(status, json, message, failure));
		}

		private static String genericKey(int status) {
			return switch (status) {
				case 401, 403 -> "error.engine.forbidden";
				case 404 -> "error.engine.notFound";
				case 405, 406, 415 -> "error.engine.unsupported";
				case 409 -> "error.engine.conflict";
				default -> (status >= 500) ? "error.engine.server" : "error.engine.badRequest";
			};
		}

		/**
		 * The engine's error shape ({@code type}, {@code message}, {@code code}), keeping what Camunda's clients read
		 * of a refusal (the type's simple name, an authorization's missing permissions) and nothing else.
		 */
		private static String body(int status, JsonNode original, String message, Throwable failure) {
			ObjectNode body = JSON.createObjectNode();
			String type = (original != null) ? original.path("type").asText("") : "";
			if (status >= 500) {
				type = "ServerError";
			}
			else if (type.isEmpty() || type.contains(".") || "RestException".equals(type)
					|| "ProcessEngineException".equals(type)) {
				type = (status == 403) ? "AuthorizationException" : (status == 409) ? "TaskTakenException"
						: "InvalidRequestException";
			}
			body.put("type", type);
			body.put("message", message);
			if (original != null && status == 403) {
				for (String field : new String[] { "userId", "resourceName", "resourceId", "permissionName",
						"missingAuthorizations" }) {
					if (original.has(field)) {
						body.set(field, original.get(field));
					}
				}
			}
			return body.toString();
		}

		private static JsonNode readJson(String text) {
			if (text.isBlank() || !text.stripLeading().startsWith("{")) {
				return null;
			}
			try {
				return JSON.readTree(text);
			}
			catch (IOException ex) {
				return null;
			}
		}

		private static void write(HttpServletResponse response, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			response.setStatus(status);
			response.setContentType("application/json;charset=UTF-8");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

	/**
	 * Passes a successful answer straight through; an error answer (status 400 or more, set or sent before its body)
	 * is kept in memory to be rewritten.
	 */
	static final class Buffering extends HttpServletResponseWrapper {

		int status = 200;

		boolean buffered;

		final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private ServletOutputStream stream;

		private PrintWriter writer;

		Buffering(HttpServletResponse response) {
			super(response);
		}

		String text() {
			if (this.writer != null) {
				this.writer.flush();
			}
			return this.body.toString(StandardCharsets.UTF_8);
		}

		@Override
		public void setStatus(int sc) {
			this.status = sc;
			if (sc >= 400) {
				this.buffered = true;
			}
			else {
				super.setStatus(sc);
			}
		}

		@Override
		public void sendError(int sc, String msg) {
			setStatus(sc);
			this.buffered = true;
		}

		@Override
		public void sendError(int sc) {
			sendError(sc, null);
		}

		@Override
		public int getStatus() {
			return this.buffered ? this.status : super.getStatus();
		}

		@Override
		public void setContentLength(int len) {
			if (!this.buffered) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!this.buffered) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!this.buffered) {
				super.flushBuffer();
			}
		}

		@Override
		public boolean isCommitted() {
			return !this.buffered && super.isCommitted();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!this.buffered) {
				return super.getOutputStream();
			}
			if (this.stream == null) {
				this.stream = new ServletOutputStream() {

					@Override
					public void write(int b) {
						Buffering.this.body.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						Buffering.this.body.write(b, off, len);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException();
					}

				};
			}
			return this.stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!this.buffered) {
				return super.getWriter();
			}
			if (this.writer == null) {
				this.writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
			}
			return this.writer;
		}

		@Override
		public void setHeader(String name, String value) {
			if (!(this.buffered && "Content-Length".equalsIgnoreCase(name))) {
				super.setHeader(name, value);
			}
		}

	}

}

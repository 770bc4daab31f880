package org.rectiflow.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.system.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and the reason, a request to the engine's REST API or the webapps' API that carries a
 * Java-serialized variable ({@code application/x-java-serialized-object}). The engine refuses to store such a
 * variable itself ({@code java-serialization-format-enabled: false}), but its REST API answers that refusal with a
 * 500; this filter answers it as the bad input it is, before anything is deserialized or started. JSON bodies are
 * read as JSON, so escapes ({@code \u002f}, {@code \/}) do not hide the format; multipart bodies are searched as text.
 */
public class JavaSerializationGuardFilter extends OncePerRequestFilter {

	static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

	private final ObjectMapper json = new ObjectMapper();

	private final Messages messages;

	public JavaSerializationGuardFilter(Messages messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = (request.getContentType() != null) ? request.getContentType().toLowerCase(Locale.ROOT) : "";
		if (!contentType.contains("json") && !contentType.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		if (carriesJavaSerialization(contentType, body)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json;charset=UTF-8");
			String message = this.messages.get("error.serialization.java");
			this.json.writeValue(response.getOutputStream(),
					java.util.Map.of("type", "InvalidRequestException", "message", message));
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	boolean carriesJavaSerialization(String contentType, byte[] body) {
		if (contentType.contains("json")) {
			try {
				return mentions(this.json.readTree(body));
			}
			catch (IOException ex) {
				// Not JSON after all: the REST API refuses it; search the text all the same.
			}
		}
		return new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(JAVA_SERIALIZED);
	}

	private static boolean mentions(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return node.textValue().toLowerCase(Locale.ROOT).contains(JAVA_SERIALIZED);
		}
		for (JsonNode child : node) {
			if (mentions(child)) {
				return true;
			}
		}
		return false;
	}

	/** The request with its body read once and served again to the REST API. */
	static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? java.nio.charset.Charset.forName(getCharacterEncoding())
							: StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}

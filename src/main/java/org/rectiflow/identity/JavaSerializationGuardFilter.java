package org.rectiflow.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;
import org.rectiflow.engine.AllowedVariableTypes;
import org.rectiflow.engine.VariableTypeGuardPlugin;
import org.rectiflow.system.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and the reason, a request to the engine's REST API or the webapps' API that would have the server
 * build an object of a class it names, before the REST layer reads it:
 * <ul>
 * <li>a Java-serialized variable ({@code application/x-java-serialized-object}). The engine refuses to store such a
 * variable itself ({@code java-serialization-format-enabled: false}), but its REST API answers that refusal with a
 * 500;</li>
 * <li>a multipart {@code type} part naming a class outside {@link AllowedVariableTypes}. The
 * {@code …/variables/{name}/data} endpoints of every resource hand that class name to Jackson, which builds the object
 * from the {@code data} part, before any authorization check and before the engine's type validation: one request
 * with {@code org.apache.commons.io.output.LockableFileWriter} and a path truncated that file. The parts are read by
 * the same parser the REST API uses (commons-fileupload), so quoting, case and order of the headers cannot make the two
 * see different parts;</li>
 * <li>a JSON {@code objectTypeName} outside the same list (the engine refuses it too, {@link VariableTypeGuardPlugin}).
 * JSON bodies are read as JSON, so escapes ({@code \u002f}, {@code \/}) hide nothing.</li>
 * </ul>
 * Bodies are kept in memory to be passed on intact, so they are bounded by the upload limit
 * ({@code spring.servlet.multipart.max-request-size}); a larger one is refused with 413.
 */
public class JavaSerializationGuardFilter extends OncePerRequestFilter {

	static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

	/** The multipart part whose text the REST API takes as the class of the variable to build. */
	static final String TYPE_PART = "type";

	private final ObjectMapper json = new ObjectMapper();

	private final Messages messages;

	private final long maxBytes;

	public JavaSerializationGuardFilter(Messages messages, long maxBytes) {
		this.messages = messages;
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = (request.getContentType() != null)
				? request.getContentType().strip().toLowerCase(Locale.ROOT) : "";
		if (!isJson(contentType) && !contentType.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = (request.getContentLengthLong() > this.maxBytes) ? null
				: request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (body == null || body.length > this.maxBytes) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, this.messages.get("error.upload.tooLarge"));
			return;
		}
		if (carriesJavaSerialization(contentType, body)) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, this.messages.get("error.serialization.java"));
			return;
		}
		String foreignType;
		try {
			foreignType = isJson(contentType) ? foreignObjectTypeName(body)
					: foreignTypePart(request.getContentType(), body);
		}
		catch (FileUploadException | IOException ex) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, this.messages.get("error.request.multipart"));
			return;
		}
		if (foreignType != null) {
			String shown = (foreignType.length() > 200) ? foreignType.substring(0, 200) + "…" : foreignType;
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, this.messages.get("error.variable.type", shown));
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	/** What the REST API's JSON reader (Jackson's provider) takes as JSON: {@code json}, {@code +json}, javascript. */
	static boolean isJson(String contentType) {
		return contentType.contains("json") || contentType.contains("javascript");
	}

	private void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		this.json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
	}

	boolean carriesJavaSerialization(String contentType, byte[] body) {
		if (isJson(contentType)) {
			try {
				return mentions(this.json.readTree(body));
			}
			catch (IOException ex) {
				// Not JSON after all: the REST API refuses it; search the text all the same.
			}
		}
		return new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(JAVA_SERIALIZED);
	}

	/** The first {@code objectTypeName} anywhere in a JSON body that is not allowed; null if none (or not JSON). */
	String foreignObjectTypeName(byte[] body) {
		try {
			return foreignObjectTypeName(this.json.readTree(body));
		}
		catch (IOException ex) {
			// Not JSON: the REST API refuses it before reading any type.
			return null;
		}
	}

	private static String foreignObjectTypeName(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().equalsIgnoreCase("objectTypeName") && !field.getValue().isNull()
						&& !(field.getValue().isTextual() && AllowedVariableTypes.allows(field.getValue().textValue()))) {
					return field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString();
				}
			}
		}
		for (JsonNode child : node) {
			String found = foreignObjectTypeName(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/**
	 * The text of the first {@code type} part (any case of the name) that is not an allowed type name; null if none.
	 * The parts are read as the REST API's {@code MultipartPayloadProvider} reads them.
	 */
	static String foreignTypePart(String contentType, byte[] body) throws FileUploadException, IOException {
		FileItemIterator parts = new FileUpload().getItemIterator(new BodyContext(contentType, body));
		while (parts.hasNext()) {
			FileItemStream part = parts.next();
			if (part.getFieldName() != null && part.getFieldName().strip().equalsIgnoreCase(TYPE_PART)) {
				try (InputStream in = part.openStream()) {
					String typeName = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					if (!AllowedVariableTypes.allows(typeName)) {
						return typeName;
					}
				}
			}
		}
		return null;
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

	/** A buffered body as commons-fileupload reads a request. */
	private record BodyContext(String contentType, byte[] body) implements RequestContext {

		@Override
		public String getCharacterEncoding() {
			return null;
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		@Deprecated
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(this.body);
		}

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

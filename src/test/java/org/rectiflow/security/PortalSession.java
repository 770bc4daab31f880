package org.rectiflow.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the running application over real HTTP: keeps its cookies, follows no redirects, signs
 * in on our login page with the form's CSRF token. For tests of headers, cookies and sign-in rules.
 */
public final class PortalSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER).build();

	public PortalSession(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	public HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	public HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	/** The CSRF token of the page at this path (the login page, any portal page with a form). */
	public String csrfToken(String path) throws Exception {
		Matcher token = CSRF.matcher(get(path).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + path);
		}
		return token.group(1);
	}

	/** Posts the login form; returns the response (a redirect: to where the person was going, or back with the reason). */
	public HttpResponse<String> login(String user, String password, String... headers) throws Exception {
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrfToken("/login");
		return postForm("/login", form, headers);
	}

	/** Any request, e.g. a PUT to the webapps' API with their CSRF token. */
	public HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, (json == null) ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	/** Any request with a body of raw bytes, e.g. a multipart upload built by hand. */
	public HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.method(method, BodyPublishers.ofByteArray(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	/** The Camunda webapps' CSRF token for this session, fetched as the webapps fetch it. */
	public String webappCsrfToken() throws Exception {
		get("/camunda/app/admin/default/");
		return get("/camunda/api/admin/auth/user/default", "X-XSRF-TOKEN", "Fetch").headers()
			.firstValue("X-XSRF-TOKEN")
			.or(() -> this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((c) -> c.getName().equals("XSRF-TOKEN"))
				.map(java.net.HttpCookie::getValue)
				.findFirst())
			.orElseThrow(() -> new IllegalStateException("no webapp CSRF token"));
	}

	/** Where this session sends its requests: {@code http://localhost:PORT}. */
	public String base() {
		return this.base;
	}

	/** A request built by the caller, sent with this session's cookies. */
	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	public String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}

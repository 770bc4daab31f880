package org.rectiflow.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client signed in through the portal's login form (its CSRF token, the session cookie), for
 * tests that drive the running application as several people.
 */
public final class PortalLogin {

	public static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private PortalLogin() {
	}

	/** Signs {@code user} in with {@code password}; redirects are not followed, so each answer is seen as it is. */
	public static HttpClient signIn(int port, String user, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String loginPage = client.send(HttpRequest.newBuilder(uri(port, "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = CSRF.matcher(loginPage);
		assertThat(token.find()).as("CSRF token on the login form").isTrue();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElseThrow()).as("login of %s", user).doesNotContain("error");
		return client;
	}

	/** The session's CSRF token, as the forms of a page carry it. */
	public static String token(HttpClient client, int port, String pageWithAForm) throws Exception {
		Matcher token = CSRF.matcher(client.send(HttpRequest.newBuilder(uri(port, pageWithAForm)).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body());
		assertThat(token.find()).as("a form with a CSRF token on %s", pageWithAForm).isTrue();
		return token.group(1);
	}

	public static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}

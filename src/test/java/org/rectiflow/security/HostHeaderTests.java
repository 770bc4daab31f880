package org.rectiflow.security;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rectiflow.identity.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding F8 of issue 17: the Host header steered redirects ({@code Host: evil.example} turned {@code GET
 * /inspections/1} into a redirect to {@code http://evil.example/login}). Sent over a plain socket, so the Host header
 * is exactly what an attacker (or a misconfigured proxy) sends: no redirect of the login entry point, the sign-in
 * (back to the page asked for), a failed sign-in, the sign-out or our controllers may leave the site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostHeaderTests {

	private static final String EVIL = "evil.example";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void noRedirectFollowsTheHostHeader() throws Exception {
		Raw entry = request("GET", "/inspections/1", null, null);
		assertThat(entry.status).isEqualTo(302);
		assertLocal(entry, "/login");

		// The login page, its session and token, then the sign-in: back to the page first asked for, on this site.
		Raw page = request("GET", "/login", entry.cookie(), null);
		String token = token(page.body);
		String cookie = (page.cookie() != null) ? page.cookie() : entry.cookie();
		// A name nobody has: a wrong password would hold the real account back for Camunda's few seconds.
		Raw failed = request("POST", "/login", cookie, "username=nobodyOfThatName"
				+ "&password=wrong&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertLocal(failed, "/login?error");

		cookie = (failed.cookie() != null) ? failed.cookie() : cookie;
		Raw again = request("GET", "/inspections/1", cookie, null);
		assertLocal(again, "/login");
		Raw page2 = request("GET", "/login", cookie, null);
		Raw signedIn = request("POST", "/login", cookie, "username=" + DemoAccounts.RECTIFICATION_CLERK + "&password="
				+ DemoAccounts.PASSWORD + "&_csrf=" + URLEncoder.encode(token(page2.body), StandardCharsets.UTF_8));
		assertThat(signedIn.status).isEqualTo(302);
		assertLocal(signedIn, "/inspections/1");
		cookie = (signedIn.cookie() != null) ? signedIn.cookie() : cookie;

		// A controller's redirect after a form, then the sign-out.
		Raw inbox = request("GET", "/inbox", cookie, null);
		assertThat(inbox.status).isEqualTo(200);
		Raw readAll = request("POST", "/inbox/read-all", cookie,
				"_csrf=" + URLEncoder.encode(token(inbox.body), StandardCharsets.UTF_8));
		assertThat(readAll.status).isEqualTo(302);
		assertLocal(readAll, "/inbox");
		Raw home = request("GET", "/", cookie, null);
		Raw logout = request("POST", "/logout", cookie,
				"_csrf=" + URLEncoder.encode(token(home.body), StandardCharsets.UTF_8));
		assertThat(logout.status).isEqualTo(302);
		assertLocal(logout, "/login?logout");
	}

	@Test
	void theWebappsDoNotFollowItEither() throws Exception {
		for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/", "/camunda/")) {
			Raw response = request("GET", path, null, null);
			if (response.status / 100 == 3) {
				assertThat(response.location()).as(path).doesNotContain(EVIL);
			}
		}
	}

	private static void assertLocal(Raw response, String pathAndQuery) {
		String location = response.location();
		assertThat(location).as("Location").doesNotContain(EVIL);
		assertThat(location).as("Location").matches("(http://localhost:\\d+)?" + Pattern.quote(pathAndQuery) + ".*");
	}

	private static String token(String body) {
		Matcher m = CSRF.matcher(body);
		assertThat(m.find()).as("a CSRF token").isTrue();
		return m.group(1);
	}

	private Raw request(String method, String path, String cookie, String form) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30000);
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + EVIL
					+ "\r\nAccept: text/html\r\nConnection: close\r\n");
			if (cookie != null) {
				head.append("Cookie: ").append(cookie).append("\r\n");
			}
			byte[] body = (form == null) ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
			if (form != null) {
				head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return Raw.parse(all.toString(StandardCharsets.UTF_8));
		}
	}

	record Raw(int status, List<String> headers, String body) {

		static Raw parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
			return new Raw(status, headers, text.substring(end + 4));
		}

		String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((h) -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((h) -> h.substring(prefix.length()).strip())
				.findFirst()
				.orElse(null);
		}

		String location() {
			String location = header("Location");
			return (location != null) ? location : "";
		}

		/** The session cookie the server set, as a Cookie header; null when it set none. */
		String cookie() {
			return this.headers.stream()
				.filter((h) -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:") && h.contains("JSESSIONID="))
				.map((h) -> h.substring("set-cookie:".length()).strip().split(";")[0])
				.findFirst()
				.orElse(null);
		}

	}

}

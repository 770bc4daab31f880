package org.rectiflow.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.rectiflow.identity.DemoAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo person signed in through our login page, using the Camunda webapps' API as Tasklist does: the session cookie
 * and the webapps' CSRF token on every request. Shared by the tests that try the webapps' API with a session
 * ({@link QueryExpressionInjectionTests}, {@link ErrorResponsesTests}, {@link StepForgeryTests}).
 */
public final class WebappSession {

	/** The engine's API as the webapps call it; paths below it are relative, e.g. {@code "task/count"}. */
	public static final String ENGINE_API = "/camunda/api/engine/engine/default/";

	private final PortalSession portal;

	private final String csrfToken;

	/** Signs the person in with the demo password and opens Tasklist, which hands out the webapps' CSRF token. */
	public WebappSession(int port, String person) throws Exception {
		this.portal = new PortalSession(port);
		HttpResponse<String> login = this.portal.login(person, DemoAccounts.PASSWORD);
		assertThat(this.portal.location(login)).as("%s signed in", person).isNotEmpty().doesNotContain("error");
		this.portal.get("/camunda/app/tasklist/default/");
		this.csrfToken = this.portal.webappCsrfToken();
		assertThat(this.csrfToken).as("the webapps' CSRF token").isNotBlank();
	}

	/** A request with the session and its CSRF token; a {@code null} body sends none. */
	public HttpResponse<String> send(String method, String path, String json) throws Exception {
		return send(method, path, json, true);
	}

	/** A request with the session, and with or without its CSRF token (Camunda ends the session of one without). */
	public HttpResponse<String> send(String method, String path, String json, boolean withToken) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.portal.base() + path))
			.header("Accept", "application/json");
		if (withToken) {
			request.header("X-XSRF-TOKEN", this.csrfToken);
		}
		if (json == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		return this.portal.send(request);
	}

}

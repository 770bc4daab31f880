package org.rectiflow;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * One person calling a server from outside over HTTP Basic, with bounded timeouts; every status comes back as it is
 * (no exception for 4xx/5xx), a refused or cut connection throws. For servers not started by Spring's test support
 * (see {@link ApplicationProcess}).
 */
public final class HttpUser {

	public final String userId;

	private final RestTemplate http;

	public HttpUser(String userId, String password) {
		this.userId = userId;
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(5000);
		factory.setReadTimeout(60000);
		this.http = new RestTemplate(factory);
		this.http.getInterceptors().add(new BasicAuthenticationInterceptor(userId, password, StandardCharsets.UTF_8));
		this.http.setErrorHandler(new DefaultResponseErrorHandler() {
			@Override
			protected boolean hasError(HttpStatusCode statusCode) {
				return false;
			}
		});
	}

	public HttpStatusCode status(String url) {
		return this.http.getForEntity(url, byte[].class).getStatusCode();
	}

	public ResponseEntity<JsonNode> get(String url) {
		return this.http.getForEntity(url, JsonNode.class);
	}

	public ResponseEntity<byte[]> getBytes(String url) {
		return this.http.getForEntity(url, byte[].class);
	}

	public ResponseEntity<JsonNode> post(String url, Object body) {
		return this.http.postForEntity(url, body, JsonNode.class);
	}

	public ResponseEntity<JsonNode> put(String url, Object body) {
		return this.http.exchange(url, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
	}

	public ResponseEntity<JsonNode> postText(String url, String text) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
		return this.http.exchange(url, HttpMethod.POST, new HttpEntity<>(text, headers), JsonNode.class);
	}

	/** A multipart POST: each part a file (name, type, bytes) under its field name, plus plain fields. */
	public ResponseEntity<JsonNode> postFile(String url, String field, String fileName, String contentType,
			byte[] bytes, Map<String, String> fields) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(contentType));
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add(field, new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, partHeaders));
		fields.forEach(body::add);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** Camunda REST's variable map: each value wrapped as {@code {"value": ...}}. */
	public static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> vars = new LinkedHashMap<>();
		values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
		return Map.of("variables", vars);
	}

}

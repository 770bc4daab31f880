package org.rectiflow.notification;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Group robots of WeCom (企业微信) and DingTalk (钉钉): a markdown message to the webhook configured for the group.
 * Both answer HTTP 200 with {@code errcode} 0 on success; any other status or code is a failed attempt.
 */
@Component
class WebhookSender implements NoticeSender {

	private final NotificationProperties properties;

	private final ObjectMapper json;

	private final HttpClient http;

	WebhookSender(NotificationProperties properties, ObjectMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout()).build();
	}

	@Override
	public Set<Channel> channels() {
		return Set.of(Channel.WECOM, Channel.DINGTALK);
	}

	@Override
	public void send(Delivery delivery) throws Exception {
		NotificationProperties.Webhook hook = this.properties.webhooks().get(delivery.recipient());
		if (hook == null || hook.type() != delivery.channel()) {
			throw new Undeliverable("No " + delivery.channel() + " robot configured for " + delivery.recipient());
		}
		HttpRequest request = HttpRequest.newBuilder(hook.url())
			.timeout(this.properties.httpTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(payload(delivery)),
					StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		JsonNode answer = readQuietly(response.body());
		if (answer != null && answer.path("errcode").asInt(0) != 0) {
			throw new IllegalStateException("errcode " + answer.path("errcode").asInt() + " " + answer.path("errmsg").asText());
		}
	}

	Map<String, Object> payload(Delivery delivery) {
		String link = this.properties.absolute(delivery.link());
		String text = "**" + delivery.subject() + "**\n\n" + quote(delivery.body()) + "\n\n[查看详情](" + link + ")";
		Map<String, Object> markdown = new LinkedHashMap<>();
		if (delivery.channel() == Channel.WECOM) {
			markdown.put("content", text);
		}
		else {
			markdown.put("title", delivery.subject());
			markdown.put("text", text);
		}
		return Map.of("msgtype", "markdown", "markdown", markdown);
	}

	private static String quote(String body) {
		return body.isBlank() ? "" : "> " + body.strip().replace("\n", "\n> ");
	}

	private JsonNode readQuietly(String body) {
		try {
			return (body == null || body.isBlank()) ? null : this.json.readTree(body);
		}
		catch (Exception ex) {
			return null;
		}
	}

}

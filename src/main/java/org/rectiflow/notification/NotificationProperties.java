package org.rectiflow.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rectiflow.notifications.*}: how often and how long failed deliveries are retried, the
 * sender address of e-mails, and the group robots, one per group id (a department or a role), e.g.
 * {@code rectiflow.notifications.webhooks.logisticsDepartment.type=WECOM} and {@code ….url=https://…}.
 */
@ConfigurationProperties("rectiflow.notifications")
public record NotificationProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("PT30S") Duration backoff,
		@DefaultValue("PT15S") Duration pollInterval, @DefaultValue("PT10M") Duration staleClaim,
		@DefaultValue("PT10S") Duration httpTimeout, @DefaultValue("rectiflow@localhost") String mailFrom,
		@DefaultValue("http://localhost:8080") String baseUrl, Map<String, Webhook> webhooks) {

	/** A group robot: WeCom (企业微信) or DingTalk (钉钉), and the robot's webhook address with its key. */
	public record Webhook(Channel type, URI url) {
	}

	public NotificationProperties {
		webhooks = (webhooks == null) ? Map.of() : Map.copyOf(webhooks);
		maxAttempts = Math.max(1, maxAttempts);
		webhooks.forEach((group, hook) -> {
			if (hook.type() != Channel.WECOM && hook.type() != Channel.DINGTALK) {
				throw new IllegalArgumentException("rectiflow.notifications.webhooks." + group + ".type: WECOM or DINGTALK");
			}
			if (hook.url() == null) {
				throw new IllegalArgumentException("rectiflow.notifications.webhooks." + group + ".url is missing");
			}
		});
	}

	/** The absolute address of a portal path, for e-mails and robots that are read outside the portal. */
	public String absolute(String link) {
		if (link == null || link.isBlank()) {
			return this.baseUrl;
		}
		return this.baseUrl.replaceAll("/+$", "") + (link.startsWith("/") ? link : "/" + link);
	}

}

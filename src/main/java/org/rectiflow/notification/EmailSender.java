package org.rectiflow.notification;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, to the address kept with the person in the engine's directory. Off (no e-mail deliveries are
 * written) unless {@code spring.mail.host} is configured.
 */
@Component
class EmailSender implements NoticeSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final IdentityService identityService;

	private final NotificationProperties properties;

	EmailSender(ObjectProvider<JavaMailSender> mail, IdentityService identityService,
			NotificationProperties properties) {
		this.mail = mail;
		this.identityService = identityService;
		this.properties = properties;
	}

	@Override
	public Set<Channel> channels() {
		return Set.of(Channel.EMAIL);
	}

	@Override
	public void send(Delivery delivery) throws Exception {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new Undeliverable("No mail server configured (spring.mail.host)");
		}
		User user = this.identityService.createUserQuery().userId(delivery.recipient()).singleResult();
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			throw new Undeliverable("No e-mail address for " + delivery.recipient());
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(user.getEmail());
		message.setSubject("【整改通】" + delivery.subject());
		message.setText(delivery.body() + "\n\n" + this.properties.absolute(delivery.link()));
		sender.send(message);
	}

}

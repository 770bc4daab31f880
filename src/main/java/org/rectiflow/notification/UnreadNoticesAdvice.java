package org.rectiflow.notification;

import org.rectiflow.system.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's top bar. It asks lazily, so pages tested without a database (web slices) and a
 * failing count simply show no badge rather than no page.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadNoticesAdvice {

	private static final Logger log = LoggerFactory.getLogger(UnreadNoticesAdvice.class);

	private final ObjectProvider<Inbox> inbox;

	UnreadNoticesAdvice(ObjectProvider<Inbox> inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("unreadNotices")
	Integer unreadNotices() {
		String user = Actors.current();
		Inbox notices = this.inbox.getIfAvailable();
		if (Actors.SYSTEM.equals(user) || notices == null) {
			return null;
		}
		try {
			return notices.unreadCount(user);
		}
		catch (RuntimeException ex) {
			log.debug("No unread count for {}", user, ex);
			return null;
		}
	}

}

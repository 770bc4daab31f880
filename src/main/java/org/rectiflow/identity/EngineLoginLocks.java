package org.rectiflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.rectiflow.engine.Passwords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lifts the locks Camunda's identity service set before our own throttle ruled alone: a database from an earlier
 * version may hold accounts the engine locked for good after ten failed sign-ins (anyone who knew the name could do
 * it). The engine no longer counts failures (application.yaml, {@code login-max-attempts}; {@link Passwords}), so
 * what it locked stays locked only until this runs, at every start.
 */
@Component
class EngineLoginLocks {

	private static final Logger log = LoggerFactory.getLogger(EngineLoginLocks.class);

	private final IdentityService identityService;

	private final JdbcTemplate jdbc;

	EngineLoginLocks(IdentityService identityService, JdbcTemplate jdbc) {
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void unlockAll() {
		List<String> locked = this.jdbc.queryForList(
				"select ID_ from ACT_ID_USER where ATTEMPTS_ > 0 or LOCK_EXP_TIME_ is not null", String.class);
		for (String userId : locked) {
			this.identityService.unlockUser(userId);
		}
		if (!locked.isEmpty()) {
			log.info("Unlocked {} account(s) Camunda had locked after failed sign-ins: {}", locked.size(), locked);
		}
	}

}

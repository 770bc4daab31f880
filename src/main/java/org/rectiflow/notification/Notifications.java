package org.rectiflow.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectiflow.system.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one entry point for telling people something. A notice and its deliveries are written in the caller's
 * transaction (so a rolled-back change tells no one), and sent by {@link NotificationDispatcher} after the commit,
 * on another thread: sending never waits for a mail server or a robot, and nothing here ever fails the caller.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final NoticeRepository notices;

	private final NotificationDispatcher dispatcher;

	private final IdentityService identityService;

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationProperties properties;

	private final Clock clock;

	private final DataSource dataSource;

	Notifications(NoticeRepository notices, NotificationDispatcher dispatcher, IdentityService identityService,
			ObjectProvider<JavaMailSender> mail, NotificationProperties properties, Clock clock, DataSource dataSource) {
		this.dataSource = dataSource;
		this.notices = notices;
		this.dispatcher = dispatcher;
		this.identityService = identityService;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records the notice for every person named and every member of each group named, with an inbox entry each, an
	 * e-mail for those who want one (when a mail server is configured) and a message to each group's robot; returns
	 * the notice id, or {@code null} when it could not be recorded (logged, never thrown).
	 */
	public Long send(Notice notice) {
		Connection connection = TransactionSynchronizationManager.isActualTransactionActive()
				? DataSourceUtils.getConnection(this.dataSource) : null;
		Savepoint savepoint = null;
		try {
			// A failed statement would abort the caller's whole transaction on PostgreSQL: undo only ours.
			savepoint = (connection != null) ? connection.setSavepoint() : null;
			Set<String> people = recipients(notice);
			var now = this.clock.instant();
			long id = this.notices.insertNotice(notice, Actors.current(), now);
			for (String userId : people) {
				this.notices.insertInbox(id, userId, now);
			}
			if (this.mail.getIfAvailable() != null) {
				Set<String> off = this.notices.emailOff(people);
				people.stream().filter((userId) -> !off.contains(userId))
					.forEach((userId) -> this.notices.insertPending(id, Channel.EMAIL, userId, now));
			}
			for (String group : notice.groupIds()) {
				NotificationProperties.Webhook hook = this.properties.webhooks().get(group);
				if (hook != null) {
					this.notices.insertPending(id, hook.type(), group, now);
				}
			}
			release(connection, savepoint);
			this.dispatcher.deliverAfterCommit();
			return id;
		}
		catch (RuntimeException | SQLException ex) {
			log.warn("Notice '{}' could not be recorded; the caller goes on without it", notice.subject(), ex);
			rollback(connection, savepoint);
			return null;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static void release(Connection connection, Savepoint savepoint) throws SQLException {
		if (savepoint != null) {
			connection.releaseSavepoint(savepoint);
		}
	}

	private static void rollback(Connection connection, Savepoint savepoint) {
		if (savepoint != null) {
			try {
				connection.rollback(savepoint);
			}
			catch (SQLException ex) {
				log.warn("Could not undo a notice that failed to be recorded", ex);
			}
		}
	}

	/**
	 * The people named and the members of the groups named (of the notice's unit, when it has one), each once, only
	 * those the directory knows.
	 */
	Set<String> recipients(Notice notice) {
		Set<String> people = new LinkedHashSet<>();
		if (!notice.userIds().isEmpty()) {
			this.identityService.createUserQuery()
				.userIdIn(notice.userIds().toArray(String[]::new))
				.list()
				.stream()
				.map(User::getId)
				.sorted()
				.forEach(people::add);
		}
		for (String group : notice.groupIds()) {
			org.camunda.bpm.engine.identity.UserQuery members = this.identityService.createUserQuery().memberOfGroup(group);
			if (notice.unitId() != null) {
				members = members.memberOfTenant(notice.unitId());
			}
			members
				.orderByUserId()
				.asc()
				.list()
				.forEach((user) -> people.add(user.getId()));
		}
		return people;
	}

}

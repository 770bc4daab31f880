package org.rectiflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.calendar.CalendarDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice tables on a real PostgreSQL, where a failed statement aborts the whole transaction: a notice that
 * cannot be recorded must still leave the sender's transaction usable and committed. Same context as
 * {@code PostgresTests}, so no second database is started.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class NotificationPostgresTests {

	@Autowired
	Notifications notifications;

	@Autowired
	NoticeRepository notices;

	@Autowired
	CalendarDays calendar;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoticeThatCannotBeRecordedLeavesTheSendersTransactionUsable() {
		LocalDate day = LocalDate.of(2032, 1, 5);
		String tooLong = "/tasks/" + "9".repeat(600);

		Long id = this.transaction.execute((tx) -> {
			this.calendar.put(day, false, "通知测试", "admin");
			Long notice = this.notifications.send(Notice.of(Notice.Kind.REMINDER, "记录失败", "", tooLong, List.of("president")));
			this.calendar.put(day, false, "通知测试（之后）", "admin");
			return notice;
		});

		assertThat(id).isNull();
		assertThat(this.calendar.year(2032)).extracting(CalendarDays.Day::name).contains("通知测试（之后）");
		this.calendar.remove(day);
	}

	@Test
	void recordsTheInboxAndClaimsADeliveryOnce() {
		Long id = this.transaction.execute((tx) -> this.notifications
			.send(Notice.of(Notice.Kind.REMINDER, "PostgreSQL 收件箱", "", "/tasks/1", List.of()).andGroups(List.of("logisticsDepartment"))));
		assertThat(this.jdbc.sql("select recipient from notice_delivery where notice_id = ? and channel = 'INBOX'")
			.param(id)
			.query(String.class)
			.list()).contains("logisticsDepartmentStaff");

		Instant now = Instant.now();
		long deliveryId = this.transaction.execute((tx) -> {
			this.notices.insertPending(id, Channel.WECOM, "nobodysRobot", now.plus(Duration.ofDays(1)));
			return this.jdbc.sql("select id from notice_delivery where notice_id = ? and channel = 'WECOM'")
				.param(id)
				.query(Long.class)
				.single();
		});
		Instant later = now.plus(Duration.ofDays(2));
		assertThat(this.notices.claim(deliveryId, later, later.minus(Duration.ofMinutes(10)))).isTrue();
		assertThat(this.notices.claim(deliveryId, later, later.minus(Duration.ofMinutes(10)))).isFalse();
		this.notices.failed(deliveryId, "test");
	}

}

package org.rectiflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rectiflow.calendar.CalendarDays;
import org.rectiflow.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices sent through the real application on H2 with the demo accounts, delivered to a real SMTP server
 * (GreenMail) and to robot endpoints served by the JDK's HTTP server: what arrives, the retries, the failures, and
 * that the sender's transaction decides whether anything is sent at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationDeliveryTests {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final Robots ROBOTS = new Robots();

	static final String LONG_GROUP = "g".repeat(80);

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("rectiflow.notifications.base-url", () -> "https://rectiflow.example.edu.cn");
		registry.add("rectiflow.notifications.backoff", () -> "PT0.05S");
		registry.add("rectiflow.notifications.poll-interval", () -> "PT0.1S");
		// A database of its own: other test contexts cached in this JVM poll their deliveries too, without these robots,
		// and would mark this class's deliveries undeliverable (as a misconfigured node would).
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1");
		hook(registry, "logisticsDepartment", "WECOM", "/wecom");
		hook(registry, Groups.RECTIFICATION_OFFICE, "DINGTALK", "/dingtalk");
		hook(registry, Groups.DISCIPLINE, "WECOM", "/flaky");
		hook(registry, Groups.INSPECTION_OFFICE, "DINGTALK", "/down");
		hook(registry, LONG_GROUP, "WECOM", "/wecom");
	}

	private static void hook(DynamicPropertyRegistry registry, String group, String type, String path) {
		registry.add("rectiflow.notifications.webhooks." + group + ".type", () -> type);
		registry.add("rectiflow.notifications.webhooks." + group + ".url", () -> ROBOTS.url(path));
	}

	@AfterAll
	static void stop() {
		MAIL.stop();
	}

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

	@Autowired
	MockMvc mvc;


	final ObjectMapper json = new ObjectMapper();

	@Test
	void aNoticeLeadsOnlyToOurOwnPages() {
		assertThat(Notice.of(Notice.Kind.REMINDER, "链接", "", "/tasks/42", List.of()).link()).isEqualTo("/tasks/42");
		assertThat(Notice.of(Notice.Kind.REMINDER, "链接", "", "https://evil.example/x", List.of()).link()).isNull();
		assertThat(Notice.of(Notice.Kind.REMINDER, "链接", "", "//evil.example/x", List.of()).link()).isNull();
		assertThat(Notice.of(Notice.Kind.REMINDER, "链接", "", "/tasks/1 x", List.of()).link()).isNull();
		assertThat(Notice.of(Notice.Kind.REMINDER, "链接", null, null, null).body()).isEmpty();
	}

	@Test
	void aGroupReachesEachOfItsMembers() {
		Notice notice = Notice.of(Notice.Kind.REMINDER, "分组展开", "", "/tasks/1", List.of("rectificationClerk"))
			.andGroups(List.of("logisticsDepartment", "noSuchGroup"));

		assertThat(this.notifications.recipients(notice)).contains("rectificationClerk", "logisticsDepartmentStaff")
			.doesNotContain("secretary")
			.doesNotHaveDuplicates();
	}

	@Test
	void mailsEveryMemberOfTheGroupInChineseWithTheLink() throws Exception {
		Long id = sendInTransaction(Notice.of(Notice.Kind.REMINDER, "整改任务即将到期：宿舍维修", "请于 11 月 28 日前提交整改材料。",
				"/tasks/42", List.of("rectificationClerk")).andGroups(List.of("logisticsDepartment")));

		await().atMost(Duration.ofSeconds(20)).until(() -> mailsWith("宿舍维修").size() == 2);
		List<MimeMessage> mails = mailsWith("宿舍维修");
		assertThat(mails).extracting((m) -> m.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrder("rectificationClerk@demo.rectiflow.org", "logisticsDepartmentStaff@demo.rectiflow.org");
		assertThat(mails.get(0).getSubject()).isEqualTo("【整改通】整改任务即将到期：宿舍维修");
		assertThat(text(mails.get(0))).contains("请于 11 月 28 日前提交整改材料。", "https://rectiflow.example.edu.cn/tasks/42");
		assertThat(statuses(id, Channel.EMAIL)).containsOnly("SENT");
		assertThat(statuses(id, Channel.INBOX)).hasSize(2).containsOnly("SENT");
	}

	@Test
	void postsMarkdownToTheDepartmentsWeComRobot() throws Exception {
		Long id = sendInTransaction(Notice.of(Notice.Kind.ESCALATION, "逾期督办：食堂改造", "已逾期 3 个工作日。", "/tasks/7", List.of())
			.andGroups(List.of("logisticsDepartment")));

		await().atMost(Duration.ofSeconds(20)).until(() -> ROBOTS.bodies("/wecom").stream().anyMatch((b) -> b.contains("食堂改造")));
		JsonNode body = this.json.readTree(ROBOTS.bodies("/wecom").stream().filter((b) -> b.contains("食堂改造")).findFirst().get());
		assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
		assertThat(body.path("markdown").size()).isEqualTo(1);
		assertThat(body.path("markdown").path("content").asText()).contains("**逾期督办：食堂改造**", "> 已逾期 3 个工作日。",
				"[查看详情](https://rectiflow.example.edu.cn/tasks/7)");
		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id, Channel.WECOM).equals(List.of("SENT")));
	}

	@Test
	void postsMarkdownWithATitleToTheDingTalkRobot() throws Exception {
		Long id = sendInTransaction(Notice.of(Notice.Kind.EXTENSION, "延期申请：档案数字化", "申请延期至 2027 年 3 月 1 日。",
				"/tasks/9", List.of()).andGroups(List.of(Groups.RECTIFICATION_OFFICE)));

		await().atMost(Duration.ofSeconds(20)).until(() -> ROBOTS.bodies("/dingtalk").stream().anyMatch((b) -> b.contains("档案数字化")));
		JsonNode body = this.json.readTree(ROBOTS.bodies("/dingtalk").stream().filter((b) -> b.contains("档案数字化")).findFirst().get());
		assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
		assertThat(body.path("markdown").path("title").asText()).isEqualTo("延期申请：档案数字化");
		assertThat(body.path("markdown").path("text").asText()).contains("申请延期至 2027 年 3 月 1 日。",
				"https://rectiflow.example.edu.cn/tasks/9");
		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id, Channel.DINGTALK).equals(List.of("SENT")));
	}

	@Test
	void retriesARobotThatFailsTwiceUntilItAnswers() {
		ROBOTS.failNext("/flaky", 2);

		Long id = sendInTransaction(Notice.of(Notice.Kind.CRITICISM, "通报批评：整改不力", "", "/tasks/3", List.of())
			.andGroups(List.of(Groups.DISCIPLINE)));

		await().atMost(Duration.ofSeconds(20)).until(() -> statuses(id, Channel.WECOM).equals(List.of("SENT")));
		assertThat(attempts(id, Channel.WECOM)).isEqualTo(3);
		assertThat(ROBOTS.bodies("/flaky").stream().filter((b) -> b.contains("整改不力"))).hasSize(3);
	}

	@Test
	void marksADeliveryFailedAfterFiveAttemptsAndKeepsTheSendersChange() {
		LocalDate day = LocalDate.of(2031, 1, 2);

		Long id = this.transaction.execute((tx) -> {
			this.calendar.put(day, false, "通知测试", "admin");
			return this.notifications.send(Notice.of(Notice.Kind.RETURNED, "退回：材料不全", "", "/tasks/5", List.of())
				.andGroups(List.of(Groups.INSPECTION_OFFICE)));
		});

		await().atMost(Duration.ofSeconds(30)).until(() -> statuses(id, Channel.DINGTALK).equals(List.of("FAILED")));
		assertThat(attempts(id, Channel.DINGTALK)).isEqualTo(5);
		assertThat(this.jdbc.sql("select last_error from notice_delivery where notice_id = ? and channel = 'DINGTALK'")
			.param(id)
			.query(String.class)
			.single()).contains("HTTP 500");
		assertThat(this.calendar.year(2031)).extracting(CalendarDays.Day::date).contains(day);
		this.calendar.remove(day);
	}

	@Test
	void aNoticeThatCannotBeRecordedLeavesTheSendersChangeAlone() {
		LocalDate day = LocalDate.of(2031, 1, 3);
		// A robot configured for a group id longer than a delivery keeps: the notice, the inbox row and the e-mail
		// are written, the robot's row fails, and all of the notice must go while the sender's change stays.

		Long id = this.transaction.execute((tx) -> {
			this.calendar.put(day, false, "通知测试", "admin");
			Long notice = this.notifications.send(
					Notice.of(Notice.Kind.REMINDER, "记录失败", "", "/tasks/1", List.of("president")).andGroups(List.of(LONG_GROUP)));
			this.calendar.put(day, false, "通知测试（之后）", "admin");
			return notice;
		});

		assertThat(id).isNull();
		assertThat(this.calendar.year(2031)).extracting(CalendarDays.Day::name).contains("通知测试（之后）");
		assertThat(this.jdbc.sql("select count(*) from notice where subject = '记录失败'").query(Integer.class).single()).isZero();
		this.calendar.remove(day);
	}

	@Test
	void aRolledBackSenderTellsNoOne() throws Exception {
		this.transaction.executeWithoutResult((tx) -> {
			this.notifications.send(Notice.of(Notice.Kind.REMINDER, "不应发出：已回滚", "", "/tasks/1", List.of("rectificationClerk"))
				.andGroups(List.of("logisticsDepartment")));
			tx.setRollbackOnly();
		});

		Thread.sleep(500);
		assertThat(this.jdbc.sql("select count(*) from notice where subject = '不应发出：已回滚'").query(Integer.class).single())
			.isZero();
		assertThat(mailsWith("已回滚")).isEmpty();
		assertThat(ROBOTS.bodies("/wecom")).noneMatch((b) -> b.contains("已回滚"));
	}

	@Test
	void noEmailForSomeoneWhoTurnedItOff() {
		this.transaction.executeWithoutResult((tx) -> this.notices.setEmail("president", false, Instant.now()));

		Long id = sendInTransaction(Notice.of(Notice.Kind.REMINDER, "偏好：不发邮件", "", "/", List.of("president")));

		assertThat(statuses(id, Channel.EMAIL)).isEmpty();
		assertThat(statuses(id, Channel.INBOX)).containsExactly("SENT");
		this.transaction.executeWithoutResult((tx) -> this.notices.setEmail("president", true, Instant.now()));
	}

	@Test
	void onlyOneNodeClaimsADelivery() {
		Instant now = Instant.now();
		long deliveryId = this.transaction.execute((tx) -> {
			long notice = this.notices.insertNotice(
					Notice.of(Notice.Kind.REMINDER, "认领", "", "/", List.of()), "test", now);
			this.notices.insertPending(notice, Channel.WECOM, "nobodysRobot", now.plus(Duration.ofDays(1)));
			return this.jdbc.sql("select id from notice_delivery where notice_id = ?").param(notice).query(Long.class).single();
		});
		Instant later = now.plus(Duration.ofDays(2));

		assertThat(this.notices.claim(deliveryId, later, later.minus(Duration.ofMinutes(10)))).isTrue();
		assertThat(this.notices.claim(deliveryId, later, later.minus(Duration.ofMinutes(10)))).isFalse();
		// A node that stopped mid-way: after the stale period another node takes the delivery over.
		Instant muchLater = later.plus(Duration.ofHours(1));
		assertThat(this.notices.claim(deliveryId, muchLater, muchLater.minus(Duration.ofMinutes(10)))).isTrue();
		this.notices.failed(deliveryId, "test");
	}

	@Test
	void theInboxShowsMyNoticesAndMarksThemRead() throws Exception {
		Long id = sendInTransaction(Notice.of(Notice.Kind.RETURNED, "收件箱：整改材料被退回", "请补充照片。", "/inspections/11/tasks",
				List.of("logisticsDepartmentStaff")));
		long entry = this.jdbc.sql("select id from notice_delivery where notice_id = ? and channel = 'INBOX'")
			.param(id)
			.query(Long.class)
			.single();

		this.mvc.perform(get("/inbox").with(user("logisticsDepartmentStaff")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("收件箱：整改材料被退回"), containsString("请补充照片。"),
					containsString("href=\"/inbox/" + entry + "\""), containsString("class=\"badge\""))));
		this.mvc.perform(get("/inbox").with(user("rectificationClerk")))
			.andExpect(content().string(not(containsString("收件箱：整改材料被退回"))));
		// Someone else cannot mark it read.
		this.mvc.perform(post("/inbox/" + entry + "/read").with(user("rectificationClerk")).with(csrf()))
			.andExpect(redirectedUrl("/inbox"));
		assertThat(readAt(entry)).isNull();

		this.mvc.perform(get("/inbox/" + entry).with(user("logisticsDepartmentStaff")))
			.andExpect(redirectedUrl("/inspections/11/tasks"));
		assertThat(readAt(entry)).isNotNull();
		// A notice about a task that no longer opens for its reader (here: none such) leads back to the inbox, with a
		// sentence, not to a refusal (issue 20).
		Long gone = sendInTransaction(Notice.of(Notice.Kind.RETURNED, "收件箱：已移交的任务", "请补充照片。",
				"/tasks/" + Long.MAX_VALUE, List.of("logisticsDepartmentStaff")));
		long goneEntry = this.jdbc.sql("select id from notice_delivery where notice_id = ? and channel = 'INBOX'")
			.param(gone)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/inbox/" + goneEntry).with(user("logisticsDepartmentStaff")))
			.andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attributeExists("error"));
		this.mvc.perform(post("/inbox/read-all").with(user("logisticsDepartmentStaff")).with(csrf()))
			.andExpect(redirectedUrl("/inbox"));
		this.mvc.perform(get("/inbox").with(user("logisticsDepartmentStaff")))
			.andExpect(content().string(not(containsString("class=\"badge\""))));
		this.mvc.perform(post("/inbox/preferences").with(user("logisticsDepartmentStaff")).with(csrf()))
			.andExpect(redirectedUrl("/inbox/preferences"));
		assertThat(this.notices.wantsEmail("logisticsDepartmentStaff")).isFalse();
		this.mvc.perform(post("/inbox/preferences").param("email", "true").with(user("logisticsDepartmentStaff")).with(csrf()))
			.andExpect(redirectedUrl("/inbox/preferences"));
		assertThat(this.notices.wantsEmail("logisticsDepartmentStaff")).isTrue();
	}

	private Long sendInTransaction(Notice notice) {
		Long id = this.transaction.execute((tx) -> this.notifications.send(notice));
		assertThat(id).isNotNull();
		return id;
	}

	private List<String> statuses(Long noticeId, Channel channel) {
		return this.jdbc.sql("select status from notice_delivery where notice_id = ? and channel = ? order by id")
			.params(noticeId, channel.name())
			.query(String.class)
			.list();
	}

	private int attempts(Long noticeId, Channel channel) {
		return this.jdbc.sql("select attempts from notice_delivery where notice_id = ? and channel = ?")
			.params(noticeId, channel.name())
			.query(Integer.class)
			.single();
	}

	private Object readAt(long entry) {
		return this.jdbc.sql("select read_at from notice_delivery where id = ?")
			.param(entry)
			.query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)))
			.single()
			.orElse(null);
	}

	private static List<MimeMessage> mailsWith(String subjectPart) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			if (message.getSubject() != null && message.getSubject().contains(subjectPart)) {
				found.add(message);
			}
		}
		return found;
	}

	private static String text(MimeMessage message) throws Exception {
		return (String) message.getContent();
	}

	/** Robot endpoints on 127.0.0.1: each records what it is sent; {@code /down} always fails. */
	static final class Robots {

		final HttpServer server;

		final Map<String, List<String>> received = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		Robots() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			for (String path : List.of("/wecom", "/dingtalk", "/flaky", "/down")) {
				this.server.createContext(path, (exchange) -> handle(path, exchange));
			}
			this.server.start();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		List<String> bodies(String path) {
			return this.received.getOrDefault(path, List.of());
		}

		void failNext(String path, int times) {
			this.failures.computeIfAbsent(path, (p) -> new AtomicInteger()).set(times);
		}

		private void handle(String path, HttpExchange exchange) throws IOException {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.received.computeIfAbsent(path, (p) -> new CopyOnWriteArrayList<>()).add(body);
			}
			boolean fail = "/down".equals(path)
					|| this.failures.computeIfAbsent(path, (p) -> new AtomicInteger()).getAndUpdate((n) -> Math.max(n - 1, 0)) > 0;
			byte[] answer = (fail ? "{\"errcode\":-1,\"errmsg\":\"busy\"}" : "{\"errcode\":0,\"errmsg\":\"ok\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		}

	}

}

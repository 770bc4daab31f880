package org.rectiflow.identity;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.security.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login throttling in the running application: five wrong passwords lock the account (the right one is then refused
 * too, with "登录失败次数过多，请 15 分钟后再试", on the login page and over HTTP Basic); an address that fails across
 * accounts is locked; the lock ends after its time; a success clears the account's count. Each test uses its own
 * account, and the counts are cleared afterwards so no other test inherits a lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottleTests {

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private String account;

	@BeforeEach
	void anAccountOfItsOwn() {
		this.account = "throttle" + System.nanoTime();
		User user = this.identityService.newUser(this.account);
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
	}

	@AfterEach
	void forgetEveryCount() {
		this.throttle.clear();
		this.identityService.deleteUser(this.account);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		PortalSession session = new PortalSession(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(session.location(session.login(this.account, "wrong-" + i))).endsWith("/login?error");
		}
		HttpResponse<String> refused = session.login(this.account, PASSWORD);
		assertThat(session.location(refused)).endsWith("/login?locked=15");
		assertThat(session.get("/login?locked=15").body()).contains("登录失败次数过多，请 15 分钟后再试");
		assertThat(session.get("/login?locked=%3Cscript%3E").body()).doesNotContain("登录失败次数过多")
			.doesNotContain("<script>");

		HttpResponse<String> basic = session.get("/api/inspections", "Authorization", basic(this.account, PASSWORD));
		assertThat(basic.statusCode()).isEqualTo(401);

		// Cleared by an administrator (ours, and Camunda's own delay after wrong passwords): the person is back in.
		this.throttle.clear();
		this.identityService.unlockUser(this.account);
		assertThat(session.location(session.login(this.account, PASSWORD))).doesNotContain("/login");
	}

	@Test
	void anAddressFailingAcrossAccountsIsLockedAndOthersAreNot() {
		LoginThrottleProperties properties = new LoginThrottleProperties(5, 3, Duration.ofMinutes(15),
				Duration.ofMinutes(10));
		LoginThrottle strict = new LoginThrottle(this.jdbc, this.transactionManager, properties, Clock.systemUTC());
		for (int i = 0; i < 3; i++) {
			strict.failed("someone" + i, "203.0.113.7");
		}
		assertThatThrownBy(() -> strict.check(this.account, "203.0.113.7")).isInstanceOf(LoginThrottledException.class)
			.satisfies((ex) -> assertThat(((LoginThrottledException) ex).getMinutes()).isEqualTo(10));
		assertThatNoException().isThrownBy(() -> strict.check(this.account, "203.0.113.8"));
		// A success clears the account, never the address that guessed at others.
		strict.succeeded(this.account);
		assertThatThrownBy(() -> strict.check(this.account, "203.0.113.7")).isInstanceOf(LoginThrottledException.class);
	}

	@Test
	void theLockEndsAfterItsTimeAndOldFailuresAreForgotten() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T02:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneId.of("Asia/Shanghai");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactionManager,
				new LoginThrottleProperties(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);
		throttle.failed(this.account, "198.51.100.1");
		throttle.failed(this.account, "198.51.100.1");
		now.set(now.get().plus(Duration.ofMinutes(16)));
		// The window passed: two old failures and one new make one, not three.
		throttle.failed(this.account, "198.51.100.1");
		assertThatNoException().isThrownBy(() -> throttle.check(this.account, "198.51.100.1"));

		throttle.failed(this.account, "198.51.100.1");
		throttle.failed(this.account, "198.51.100.1");
		now.set(now.get().plus(Duration.ofMinutes(14)).plusSeconds(1));
		assertThatThrownBy(() -> throttle.check(this.account, "198.51.100.1"))
			.satisfies((ex) -> assertThat(((LoginThrottledException) ex).getMinutes()).isEqualTo(1));
		now.set(now.get().plus(Duration.ofMinutes(1)));
		assertThatNoException().isThrownBy(() -> throttle.check(this.account, "198.51.100.1"));
	}

	static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}

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
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login throttling in the running application: five wrong passwords lock the account (the right one is then refused
 * too, with "登录失败次数过多，请 15 分钟后再试", on the login page and over HTTP Basic); an address that fails across
 * accounts is locked; the lock ends after its time; a success clears the account's count. Thirty wrong passwords
 * over three windows never lock an account for good, at any door (Camunda's own lock is out of reach, and its
 * password check is no door); an administrator sees and lifts a lock, audited. The application's clock is moved by
 * hand. Each test uses its own account, and the counts are cleared afterwards so no other test inherits a lock.
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

	/** The application's clock, moved forward by hand past the throttle's windows (system time plus an offset). */
	@TestBean(name = "clock")
	Clock clock;

	static final MovableClock CLOCK = new MovableClock();

	static Clock clock() {
		return CLOCK;
	}

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

		// Cleared (as an administrator's lift does): the person is back in; Camunda kept no lock of its own.
		this.throttle.clear();
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

	/** Where a person can type a password: our login page, HTTP Basic on our API and on the engine's REST API. */
	enum Door {

		FORM_LOGIN, BASIC_API, BASIC_ENGINE_REST;

		/** Tries the password at this door with a fresh client; true when it let the person in. */
		boolean letsIn(int port, String user, String password) throws Exception {
			PortalSession session = new PortalSession(port);
			return switch (this) {
				case FORM_LOGIN -> !session.location(session.login(user, password)).contains("/login");
				// Signed in is anything but 401 (an account without groups may be refused the resource itself).
				case BASIC_API -> session.get("/api/inspections", "Authorization", basic(user, password))
					.statusCode() != 401;
				case BASIC_ENGINE_REST -> session.get("/engine-rest/engine", "Authorization", basic(user, password))
					.statusCode() != 401;
			};
		}

	}

	/**
	 * Thirty wrong passwords over three throttle windows, at each door: our throttle refuses the account for a while,
	 * and once its lock has passed the right password works again. Camunda's own lock (permanent after ten failed
	 * checks, and a growing delay before that) never comes into play.
	 */
	@Test
	void thirtyWrongPasswordsOverThreeWindowsNeverLockAnAccountForGoodAtAnyDoor() throws Exception {
		for (Door door : Door.values()) {
			String victim = "victim" + door.ordinal() + "x" + System.nanoTime();
			User user = this.identityService.newUser(victim);
			user.setPassword(PASSWORD);
			this.identityService.saveUser(user);
			try {
				for (int window = 0; window < 3; window++) {
					for (int i = 0; i < 10; i++) {
						assertThat(door.letsIn(this.port, victim, "guess-" + window + "-" + i)).as("%s guess", door)
							.isFalse();
					}
					assertThat(door.letsIn(this.port, victim, PASSWORD)).as("%s: locked in window %d", door, window)
						.isFalse();
					CLOCK.advance(Duration.ofMinutes(16));
				}
				for (Door any : Door.values()) {
					assertThat(any.letsIn(this.port, victim, PASSWORD))
						.as("after 30 guesses at %s, the right password at %s", door, any)
						.isTrue();
				}
			}
			finally {
				this.throttle.clear();
				this.identityService.deleteUser(victim);
			}
		}
	}

	/**
	 * An administrator sees who is locked out (account and address, failures, until when) and lifts a lock; the lift
	 * is in the audit log. Nobody else sees the page.
	 */
	@Test
	void anAdministratorSeesAndLiftsALockAndTheLiftIsAudited() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(Door.FORM_LOGIN.letsIn(this.port, this.account, "wrong-" + i)).isFalse();
		}
		assertThat(Door.FORM_LOGIN.letsIn(this.port, this.account, PASSWORD)).isFalse();

		PortalSession clerk = new PortalSession(this.port);
		clerk.login("rectificationClerk", "demo");
		assertThat(clerk.get("/admin/login-locks").statusCode()).isEqualTo(403);

		PortalSession admin = new PortalSession(this.port);
		assertThat(admin.location(admin.login("admin", "demo"))).doesNotContain("/login");
		assertThat(admin.get("/").body()).contains("/admin/login-locks");
		String page = admin.get("/admin/login-locks").body();
		assertThat(page).contains("登录锁定").contains(this.account).contains("127.0.0.1");
		String key = LoginThrottle.accountKey(this.account);
		HttpResponse<String> lifted = admin.postForm("/admin/login-locks/lift",
				"key=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
						+ admin.csrfToken("/admin/login-locks"));
		assertThat(lifted.statusCode()).isEqualTo(302);
		assertThat(admin.get(admin.location(lifted).replaceFirst("^https?://[^/]+", "")).body()).contains("已解除");
		assertThat(Door.FORM_LOGIN.letsIn(this.port, this.account, PASSWORD)).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where kind = 'LOGIN_LOCK_LIFTED' and actor = 'admin' and subject = ?",
				Integer.class, key)).isOne();
		// Without the form's CSRF token nothing is lifted.
		assertThat(admin.postForm("/admin/login-locks/lift", "key=x").statusCode()).isEqualTo(403);
	}

	/**
	 * The engine's own password check is a door around the throttle and the audit log for whoever may read the
	 * accounts (administrators): closed at /engine-rest and in the webapps.
	 */
	@Test
	void theEnginesPasswordCheckIsNoDoor() throws Exception {
		PortalSession admin = new PortalSession(this.port);
		String guess = "{\"username\":\"" + DemoAccounts.SECRETARY + "\",\"password\":\"guess\"}";
		assertThat(admin.send("POST", "/engine-rest/identity/verify", guess, "Authorization",
				basic(DemoAccounts.ADMIN, "demo")).statusCode()).isEqualTo(403);
		admin.login(DemoAccounts.ADMIN, "demo");
		assertThat(admin.send("POST", "/camunda/api/engine/engine/default/identity/verify", guess, "X-XSRF-TOKEN",
				admin.webappCsrfToken()).statusCode()).isEqualTo(403);
	}

	/** A database from before: the engine locked an account for good; the start-up unlocks it. */
	@Test
	void anAccountTheEngineLockedBeforeIsUnlockedAtStartUp(@Autowired EngineLoginLocks engineLocks) throws Exception {
		this.jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
				java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))), this.account);
		engineLocks.unlockAll();
		assertThat(this.jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class,
				this.account)).isZero();
		assertThat(Door.BASIC_ENGINE_REST.letsIn(this.port, this.account, PASSWORD)).isTrue();
	}

	static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** System time plus an offset a test moves forward. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void advance(Duration by) {
			this.offset.updateAndGet((d) -> d.plus(by));
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.offset(Clock.system(zone), this.offset.get());
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset.get());
		}

	}

}

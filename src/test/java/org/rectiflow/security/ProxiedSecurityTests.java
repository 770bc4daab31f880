package org.rectiflow.security;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.audit.AuditChain;
import org.rectiflow.audit.AuditEntry;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy ({@code RECTIFLOW_FORWARD_HEADERS=native}): a request the proxy marks https gets a
 * Secure session cookie, and the audit log records the client's address the proxy names, not the proxy's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
class ProxiedSecurityTests {

	private static final String STAFF = DemoAccounts.staffOf(Department.FINANCE_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void overHttpsTheSessionCookieIsSecureAndTheClientsAddressIsAudited() throws Exception {
		long before = this.jdbc.queryForObject("select last_id from audit_chain_head", Long.class);
		PortalSession session = new PortalSession(this.port);
		HttpResponse<String> login = session.login(STAFF, DemoAccounts.PASSWORD, "X-Forwarded-Proto", "https",
				"X-Forwarded-For", "203.0.113.42");
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

		List<AuditEntry> entries = this.jdbc.query("select * from audit_entry where id > ? and kind = 'LOGIN'",
				(rs, i) -> AuditChain.read(rs), before);
		assertThat(entries).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.clientAddress()).isEqualTo("203.0.113.42");
		});
	}

}

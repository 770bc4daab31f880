package org.rectiflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain on a real PostgreSQL: appends from many threads at once, each in its own transaction as requests on
 * several nodes would be, queue on the head row and leave one unbroken chain without gaps; one rolled back leaves
 * nothing; a changed row is found by the command-line verifier on the same database.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class AuditChainPostgresTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Test
	void concurrentAppendsNeverForkTheChain() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from audit_entry", Long.class);
		int threads = 4;
		int each = 50;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					int n = i;
					this.transaction.executeWithoutResult((status) -> {
						this.auditLog.record("node" + thread, "10.0.0." + thread, AuditKind.DOWNLOAD, "evidence:" + n,
								"concurrent " + thread + "/" + n);
						if (n % 10 == 9) {
							status.setRollbackOnly();
						}
					});
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();

		long appended = this.jdbc.queryForObject("select count(*) from audit_entry", Long.class) - before;
		assertThat(appended).as("every committed append, none of the rolled-back ones").isEqualTo(threads * (each - 5));
		AuditChain.Verification verification = this.auditLog.verify();
		assertThat(verification.intact()).as(verification.toString()).isTrue();
		assertThat(this.jdbc.queryForObject("select max(id) - min(id) + 1 - count(*) from audit_entry", Long.class))
			.as("ids without gaps").isZero();
	}

	@Test
	void theVerifierFindsAChangedRowOnPostgresql() throws Exception {
		this.auditLog.record(AuditKind.PERMISSION_CHANGE, "SaveAuthorization", "GRANT group x");
		long id = this.jdbc.queryForObject("select last_id from audit_chain_head", Long.class);
		this.jdbc.update("update audit_entry set actor = 'someoneElse' where id = ?", id);
		try {
			String url = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			int code = AuditVerifier.run(new String[] { url, "postgres", "postgres" }, new java.io.PrintStream(out, true));
			assertThat(code).as(out.toString()).isEqualTo(1);
			assertThat(out.toString()).contains("BROKEN at entry " + id);
		}
		finally {
			this.jdbc.update("update audit_entry set actor = ? where id = ?", org.rectiflow.system.Actors.SYSTEM, id);
		}
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

}

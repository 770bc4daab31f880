package org.rectiflow.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The verify command: checks the audit log's hash chain straight on the database, without starting the application,
 * and reports the first broken entry. Exit code 0 intact, 1 broken, 2 could not check. The database is named as the
 * application names it: arguments {@code URL [USER [PASSWORD]]}, or {@code RECTIFLOW_DB_URL}, {@code RECTIFLOW_DB_USER}
 * and {@code RECTIFLOW_DB_PASSWORD}. It also compares the chain with the heads pinned in
 * {@code RECTIFLOW_AUDIT_CHECKPOINT_DIR} (for the default database, {@value #DEFAULT_CHECKPOINTS}), checking their
 * signatures with {@code RECTIFLOW_AUDIT_CHECKPOINT_KEY}: a tail cut with the head moved back shows only there. From
 * the built jar (see docs/OPERATIONS.md, "Audit log"):
 * <pre>
 * java -cp target/rectiflow-0.1.0-SNAPSHOT.jar -Dloader.main=org.rectiflow.audit.AuditVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher jdbc:postgresql://db:5432/rectiflow rectiflow secret
 * </pre>
 */
public final class AuditVerifier {

	static final String DEFAULT_URL = "jdbc:h2:file:./data/rectiflow";

	static final String DEFAULT_CHECKPOINTS = "./data/audit-checkpoints";

	private AuditVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		return run(args, System.getenv(), out);
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out) {
		String url = (args.length > 0) ? args[0] : env(environment, "RECTIFLOW_DB_URL", null);
		String user = (args.length > 1) ? args[1] : env(environment, "RECTIFLOW_DB_USER", "sa");
		String password = (args.length > 2) ? args[2] : env(environment, "RECTIFLOW_DB_PASSWORD", "");
		// The application's default checkpoint directory belongs to its default database; for another database
		// the directory must be named.
		String directory = env(environment, "RECTIFLOW_AUDIT_CHECKPOINT_DIR", (url == null) ? DEFAULT_CHECKPOINTS : null);
		String key = env(environment, "RECTIFLOW_AUDIT_CHECKPOINT_KEY", "");
		if (url == null) {
			url = DEFAULT_URL;
		}
		List<AuditCheckpoint.Pinned> pins;
		try {
			pins = AuditCheckpoint.readAll((directory == null) ? null : Path.of(directory), key);
		}
		catch (IOException ex) {
			out.println("无法读取检查点 / could not read the checkpoints in " + directory + ": " + ex.getMessage());
			return 2;
		}
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setReadOnly(true);
			AuditChain.Verification result = AuditCheckpoint.compare(connection, AuditChain.verify(connection), pins);
			if (result.intact()) {
				out.println("审计日志哈希链完好 / audit chain intact: " + result.checked() + " entries");
				out.println(pinned(pins, directory, key));
				return 0;
			}
			out.println("审计日志哈希链断开 / audit chain BROKEN at entry " + result.brokenAt() + ": " + result.reason()
					+ " (" + result.checked() + " entries before it intact)");
			return 1;
		}
		catch (SQLException ex) {
			out.println("无法校验 / could not verify: " + ex.getMessage());
			return 2;
		}
	}

	/** What the pinned heads add to an intact chain, or why nothing. */
	private static String pinned(List<AuditCheckpoint.Pinned> pins, String directory, String key) {
		if (directory == null) {
			return "未比对检查点 / no checkpoints compared: set RECTIFLOW_AUDIT_CHECKPOINT_DIR (entries cut from the end"
					+ " with the head moved back show only against a checkpoint)";
		}
		if (pins.isEmpty()) {
			return "检查点目录中没有检查点 / no checkpoint in " + directory;
		}
		AuditCheckpoint latest = pins.get(pins.size() - 1).checkpoint();
		return "与 " + pins.size() + " 个检查点一致 / matches " + pins.size() + " checkpoint(s), the latest pinning entry "
				+ latest.lastId() + " at " + latest.pinnedAt()
				+ ((key == null || key.isEmpty()) ? "; signatures NOT checked (RECTIFLOW_AUDIT_CHECKPOINT_KEY unset)"
						: "; signatures checked");
	}

	private static String env(Map<String, String> environment, String name, String fallback) {
		String value = environment.get(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}

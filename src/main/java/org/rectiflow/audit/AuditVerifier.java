package org.rectiflow.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The verify command: checks the audit log's hash chain straight on the database, without starting the application,
 * and reports the first broken entry. Exit code 0 intact, 1 broken, 2 could not check. The database is named as the
 * application names it: arguments {@code URL [USER [PASSWORD]]}, or {@code RECTIFLOW_DB_URL}, {@code RECTIFLOW_DB_USER}
 * and {@code RECTIFLOW_DB_PASSWORD}. From the built jar (see the README):
 * <pre>
 * java -cp target/rectiflow-0.1.0-SNAPSHOT.jar -Dloader.main=org.rectiflow.audit.AuditVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher jdbc:postgresql://db:5432/rectiflow rectiflow secret
 * </pre>
 */
public final class AuditVerifier {

	private AuditVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		String url = (args.length > 0) ? args[0] : env("RECTIFLOW_DB_URL", "jdbc:h2:file:./data/rectiflow");
		String user = (args.length > 1) ? args[1] : env("RECTIFLOW_DB_USER", "sa");
		String password = (args.length > 2) ? args[2] : env("RECTIFLOW_DB_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setReadOnly(true);
			AuditChain.Verification result = AuditChain.verify(connection);
			if (result.intact()) {
				out.println("审计日志哈希链完好 / audit chain intact: " + result.checked() + " entries");
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

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}

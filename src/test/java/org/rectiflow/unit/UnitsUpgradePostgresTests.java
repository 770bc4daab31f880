package org.rectiflow.unit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link UnitsUpgradeTests} on a real PostgreSQL, where production databases are upgraded. */
@Tag("postgres")
class UnitsUpgradePostgresTests extends UnitsUpgradeTests {

	private EmbeddedPostgres postgres;

	@Override
	Database database() throws Exception {
		this.postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		return new Database(this.postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
				new String[] { "test", "postgres" });
	}

	@AfterEach
	void stop() throws Exception {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

}

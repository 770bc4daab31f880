package org.rectiflow.ledger.export;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The large export of {@link LedgerExportStreamingTests} on a real PostgreSQL, where the task query runs through a
 * server-side cursor (fetch size in a read-only transaction) rather than H2's buffered result.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class LedgerExportStreamingPostgresTests extends LedgerExportStreamingTests {

}

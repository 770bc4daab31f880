package org.rectiflow.ledger.export;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The import and the exports of {@link LedgerExportTests} again on a real PostgreSQL: the streamed SQL is new. */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "postgres" })
class LedgerExportPostgresTests extends LedgerExportTests {

}

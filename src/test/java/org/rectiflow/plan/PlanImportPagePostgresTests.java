package org.rectiflow.plan;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import page of {@link PlanImportPageTests} again on a real PostgreSQL, where the second of two simultaneous
 * imports waits on the first one's uncommitted hash and then collides with it.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "postgres" })
class PlanImportPagePostgresTests extends PlanImportPageTests {

}

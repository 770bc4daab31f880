package org.rectiflow.recheck;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every path of the re-check ({@link ReCheckProcessTests}) again on a real PostgreSQL, the draw's population query included. */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class ReCheckProcessPostgresTests extends ReCheckProcessTests {

}

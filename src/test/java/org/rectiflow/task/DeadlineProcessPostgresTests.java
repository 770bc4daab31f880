package org.rectiflow.task;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every deadline path of {@link DeadlineProcessTests} again on a real PostgreSQL. */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class DeadlineProcessPostgresTests extends DeadlineProcessTests {

}

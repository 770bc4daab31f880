package org.rectiflow.identity;

import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link TaskWorkGrantsTests} on a real PostgreSQL, where production databases hold the old grants. */
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class TaskWorkGrantsPostgresTests extends TaskWorkGrantsTests {

}

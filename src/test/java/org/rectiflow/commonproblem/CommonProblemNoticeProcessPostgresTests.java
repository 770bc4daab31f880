package org.rectiflow.commonproblem;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every path of the common-problem notice ({@link CommonProblemNoticeProcessTests}) again on a real PostgreSQL. */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class CommonProblemNoticeProcessPostgresTests extends CommonProblemNoticeProcessTests {

}

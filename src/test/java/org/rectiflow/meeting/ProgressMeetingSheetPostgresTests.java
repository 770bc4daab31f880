package org.rectiflow.meeting;

import org.junit.jupiter.api.Tag;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every case of {@link ProgressMeetingSheetServiceTests} again on a real PostgreSQL: the SQL, and the end of the day bound as
 * a UTC timestamp, are written for both databases.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class })
@ActiveProfiles({ "test", "postgres" })
class ProgressMeetingSheetPostgresTests extends ProgressMeetingSheetServiceTests {

}

package org.rectiflow.meeting;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.Directory;
import org.rectiflow.ledger.LedgerFixture;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.task.RectificationTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sheet asks the database the same number of questions for an inspection of eleven tasks as for one of two: no
 * query per task or per leader.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProgressMeetingSheetQueryCountTests {

	@Autowired
	ProgressMeetingSheetService sheets;

	@Autowired
	ProcessDriver driver;

	@Autowired
	RectificationTaskRepository tasks;

	@Autowired
	EvidenceService evidence;

	@MockitoSpyBean
	NamedParameterJdbcTemplate jdbc;

	@MockitoSpyBean
	Directory directory;

	@Test
	void shouldAskAFixedNumberOfQueriesWhateverTheNumberOfTasks() {
		Long large = LedgerFixture.register(this.driver, this.tasks, this.evidence);
		Long small = this.driver.register(TestFeedback.small("调度会查询次数测试")).getId();

		List<Integer> counts = List.of(calls(large), calls(small));

		assertThat(this.driver.tasksOf(large)).hasSizeGreaterThan(this.driver.tasksOf(small).size());
		assertThat(counts.get(0)).isPositive().isEqualTo(counts.get(1));
	}

	/**
	 * Calls on the JDBC template (a spy records its inner calls too, so this is not the number of statements, but it
	 * grows with any query per row) and on the directory, while one sheet is built.
	 */
	private int calls(Long inspectionId) {
		Mockito.clearInvocations(this.jdbc, this.directory);
		this.sheets.sheet(inspectionId, LedgerFixture.TODAY);
		return Mockito.mockingDetails(this.jdbc).getInvocations().size()
				+ Mockito.mockingDetails(this.directory).getInvocations().size();
	}

}

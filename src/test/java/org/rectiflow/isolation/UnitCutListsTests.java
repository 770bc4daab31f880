package org.rectiflow.isolation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.plan.PlanService;
import org.rectiflow.report.ReportService;
import org.rectiflow.supervision.SupervisionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists under one inspection that the API reads by inspection id (criticism notices, supervision records, review
 * opinions, institutional rules, plan opinions) are cut by the reader's units in their own SQL too (issue 18), not only
 * by isolation/UnitGate's check of the address: for a person of another unit, or of none, they are empty; for one of
 * the inspection's unit, and for an administrator (no cut), they are what they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitCutListsTests {

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SupervisionService supervision;

	@Autowired
	ReportService reports;

	@Autowired
	PlanService plans;

	@Test
	void theListsUnderAnInspectionAreCutByTheReadersUnitsInSql() {
		Long id = this.driver.register(TestFeedback.small("按单位过滤的清单测试")).getId();
		String unit = this.jdbc.queryForObject("select unit_id from inspection where id = ?", String.class, id);
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into criticism_notice (inspection_id, target_department, reason, issued_by, issued_at,"
				+ " published) values (?, 'logisticsDepartment', '整改进度缓慢', 'disciplineSecretary', ?, false)", id, now);
		this.jdbc.update("insert into supervision_record (inspection_id, stage, content, recorded_by, recorded_at)"
				+ " values (?, 'ON_SITE', '现场督查', 'disciplineSecretary', ?)", id, now);
		this.jdbc.update("insert into review_opinion (inspection_id, decision, content, reviewed_by, reviewed_at)"
				+ " values (?, 'accept', '整改总体到位', 'inspector', ?)", id, now);
		this.jdbc.update("insert into institutional_rule (inspection_id, title, action) values (?, '宿舍维修管理办法', 'NEW')",
				id);
		this.jdbc.update("insert into plan_opinion (inspection_id, leader, content, created_at)"
				+ " values (?, 'vicePresidentLogistics', '同意', ?)", id, now);

		for (Set<String> units : List.of(Set.of(unit), Set.of(unit, "someOtherUnit"))) {
			assertThat(this.supervision.criticismsOf(id, units)).hasSize(1);
			assertThat(this.supervision.recordsOf(id, units)).hasSize(1);
			assertThat(this.reports.reviewOpinionsOf(id, units)).hasSize(1);
			assertThat(this.reports.rulesOf(id, units)).hasSize(1);
			assertThat(this.plans.opinionsOf(id, units)).hasSize(1);
		}
		// An administrator: no cut.
		assertThat(this.supervision.criticismsOf(id, null)).hasSize(1);
		assertThat(this.plans.opinionsOf(id, null)).hasSize(1);
		// Another unit's person, and someone of no unit.
		for (Set<String> units : List.<Set<String>>of(Set.of("someOtherUnit"), Set.of())) {
			assertThat(this.supervision.criticismsOf(id, units)).as("%s", units).isEmpty();
			assertThat(this.supervision.recordsOf(id, units)).isEmpty();
			assertThat(this.reports.reviewOpinionsOf(id, units)).isEmpty();
			assertThat(this.reports.rulesOf(id, units)).isEmpty();
			assertThat(this.plans.opinionsOf(id, units)).isEmpty();
		}
	}

}

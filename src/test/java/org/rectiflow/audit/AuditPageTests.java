package org.rectiflow.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page over HTTP names people, steps and decisions for people (issue 20): a real completion recorded by the
 * engine and an entry in the older form ({@code userTask_onSiteSupervision；supervisionDecision=accept}) show the
 * person's name, the step's name from the deployed model and the decision's label, in Chinese and in English, with
 * the stored text kept in titles only; the chain over the stored text still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditPageTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ProcessDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identityService;

	@Test
	void thePageNamesPeopleStepsAndDecisionsAndKeepsTheStoredTextInTitles() throws Exception {
		Long id = this.driver.register(TestFeedback.small("审计页：名称")).getId();
		long before = lastId();
		this.driver.filePlan(id);
		AuditEntry approval = this.jdbc.query(
				"select * from audit_entry where id > ? and kind = 'TASK_COMPLETED' and subject like ? and detail like ?"
						+ " order by id",
				(rs, i) -> AuditChain.read(rs), before, RectificationProcess.PROCESS_KEY + ":" + id + "/%",
				"%" + RectificationProcess.USER_TASK_COMMITTEE_APPROVAL + "%")
			.get(0);
		String taskId = approval.subject().substring(approval.subject().indexOf('/') + 1);
		// An entry as older versions wrote it (the step's key alone), and one by the engine itself, in the same unit.
		String stored = RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION
				+ "；supervisionDecision=accept；supervisionFindings=现场查看属实；台账齐全；mysteryVariable=42";
		this.auditLog.record(DemoAccounts.DISCIPLINE_OFFICER, "127.0.0.1", AuditKind.TASK_COMPLETED,
				RectificationTaskProcess.PROCESS_KEY + ":" + id + "/" + taskId, stored);
		long supervision = lastId();
		this.auditLog.record(null, null, AuditKind.TASK_COMPLETED,
				RectificationTaskProcess.PROCESS_KEY + ":" + id + "/" + taskId, "userTask_unknownStep；outcome=LONG_TERM");
		long system = lastId();

		PortalSession discipline = new PortalSession(this.port);
		discipline.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		String page = discipline.get("/audit?kind=TASK_COMPLETED&size=200").body();

		String officer = row(page, supervision);
		assertThat(visible(officer)).contains(name(DemoAccounts.DISCIPLINE_OFFICER), "纪委现场督办", "督办结果：签字确认",
				"督办意见：现场查看属实；台账齐全", "mysteryVariable=42")
			.doesNotContain(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, "supervisionDecision",
					"supervisionFindings", DemoAccounts.DISCIPLINE_OFFICER);
		// The stored text and the person's id stay for auditors, in titles.
		assertThat(officer).contains("title=\"" + DemoAccounts.DISCIPLINE_OFFICER + "\"",
				"title=\"" + stored + "\"", "title=\"" + RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION + "\"",
				"title=\"supervisionDecision=accept\"");

		String committee = row(page, approval.id());
		assertThat(visible(committee)).contains(name(DemoAccounts.SECRETARY), "党委会审议整改方案", "党委审议结果：通过")
			.doesNotContain(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, "committeeDecision", DemoAccounts.SECRETARY);

		// The engine itself is 系统; an unknown step stays as stored, a known variable is still named.
		String engine = row(page, system);
		assertThat(visible(engine)).contains("系统", "userTask_unknownStep", "整改结果：长期整改");
		assertThat(engine).contains("title=\"system\"").doesNotContain(">system<");

		String english = discipline.get("/audit?kind=TASK_COMPLETED&size=200&lang=en").body();
		assertThat(visible(row(english, supervision))).contains(name(DemoAccounts.DISCIPLINE_OFFICER), "纪委现场督办",
				"Supervision result: Signed off", "Supervision findings: 现场查看属实；台账齐全")
			.doesNotContain(RectificationTaskProcess.USER_TASK_ON_SITE_SUPERVISION, "supervisionDecision");
		assertThat(visible(row(english, approval.id()))).contains("Party committee decision: Approved");
		assertThat(visible(row(english, system))).contains("System", "Outcome: Long-term rectification");

		// Only the display changed: the stored entry is as written and the chain verifies over it.
		assertThat(this.jdbc.queryForObject("select detail from audit_entry where id = ?", String.class, supervision))
			.isEqualTo(stored);
		assertThat(this.auditLog.verify().intact()).as("chain intact: %s", this.auditLog.verify()).isTrue();
		assertThat(discipline.get("/audit?verify=1&lang=zh-CN").body()).contains("哈希链完好");
		this.driver.tasksOf(id).forEach((t) -> this.driver.settle(t, "COMPLETED"));
	}

	private String name(String userId) {
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		return user.getLastName() + user.getFirstName();
	}

	private static String row(String page, long entryId) {
		Matcher row = Pattern.compile("<tr id=\"audit-" + entryId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("row of entry %s on the page", entryId).isTrue();
		return row.group(1);
	}

	/** The text a reader sees: tags (with their attributes, titles among them) removed. */
	private static String visible(String html) {
		return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&");
	}

	private long lastId() {
		return this.jdbc.queryForObject("select last_id from audit_chain_head where id = 1", Long.class);
	}

}

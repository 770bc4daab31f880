package org.rectiflow.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Department;
import org.rectiflow.identity.Groups;
import org.rectiflow.identity.LoginThrottle;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.security.PortalSession;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log in the running application on H2: what is recorded (sign-in and out, decisions, permission changes),
 * that a rolled-back action leaves no entry, that the chain shows a changed, removed or cut entry to the page and to
 * the command-line verifier, and that only the discipline committee reads it. Tests that tamper put the row back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditLogTests {

	private static final String STAFF = DemoAccounts.staffOf(Department.LOGISTICS_DEPARTMENT);

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessDriver driver;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FilterService filterService;

	@Autowired
	LoginThrottle throttle;

	@AfterEach
	void theChainIsIntactAfterEveryTest() {
		assertThat(this.auditLog.verify().intact()).as("chain intact: %s", this.auditLog.verify()).isTrue();
	}

	@Test
	void signInAndSignOutAreRecordedWithTheAddress() throws Exception {
		PortalSession session = new PortalSession(this.port);
		long before = lastId();
		session.login(STAFF, DemoAccounts.PASSWORD);
		String token = session.csrfToken("/inbox");
		session.postForm("/logout", "_csrf=" + token);

		List<AuditEntry> entries = entriesAfter(before);
		assertThat(entries).extracting(AuditEntry::kind).containsSubsequence("LOGIN", "LOGOUT");
		assertThat(entries).filteredOn((e) -> e.kind().equals("LOGIN")).allSatisfy((e) -> {
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});
	}

	@Test
	void aFailedSignInIsRecorded() throws Exception {
		long before = lastId();
		new PortalSession(this.port).login("nobodyKnown", "guess");
		assertThat(entriesAfter(before)).anySatisfy((e) -> {
			assertThat(e.kind()).isEqualTo("LOGIN_FAILED");
			assertThat(e.actor()).isEqualTo("nobodyKnown");
			assertThat(e.detail()).isEqualTo("bad credentials");
		});
	}

	@Test
	void everyDecisionIsRecordedWithItsVariablesAndWhoTookIt() {
		Long id = this.driver.register(TestFeedback.small("审计：决定")).getId();
		long before = lastId();
		this.driver.filePlan(id);

		List<AuditEntry> decisions = entriesAfter(before).stream()
			.filter((e) -> e.kind().equals("TASK_COMPLETED"))
			.toList();
		assertThat(decisions).anySatisfy((e) -> {
			assertThat(e.actor()).isEqualTo(DemoAccounts.SECRETARY);
			assertThat(e.subject()).startsWith(RectificationProcess.PROCESS_KEY + ":" + id + "/");
			assertThat(e.detail()).contains(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL)
				.contains("committeeDecision=approve");
		});
		assertThat(decisions).anySatisfy((e) -> assertThat(e.actor()).isEqualTo(DemoAccounts.INSPECTOR));
		// No open tasks left behind for other tests (they share the database).
		this.driver.tasksOf(id).forEach((t) -> this.driver.settle(t, "COMPLETED"));
	}

	@Test
	void aFiledPlansReadGrantsAreWrittenAndRecordedAsOneEntry() {
		Long id = this.driver.register(TestFeedback.small("审计：方案备案授权")).getId();
		long before = lastId();
		this.driver.filePlan(id);

		List<String> instances = this.jdbc.queryForList("select e.proc_inst_id_ from act_ru_execution e"
				+ " join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = 'rectificationTaskProcess'"
				+ " and e.parent_id_ is null and e.business_key_ in (select cast(t.id as varchar) from rectification_task t"
				+ " where t.inspection_id = ?)", String.class, id);
		assertThat(instances).hasSize(this.driver.tasksOf(id).size());
		for (var task : this.driver.tasksOf(id)) {
			String instance = this.jdbc.queryForObject("select proc_inst_id_ from act_ru_execution where business_key_ = ?"
					+ " and parent_id_ is null and proc_def_id_ like 'rectificationTaskProcess:%'", String.class,
					String.valueOf(task.getId()));
			assertThat(this.jdbc.queryForList("select coalesce(group_id_, user_id_) from act_ru_authorization"
					+ " where resource_type_ = 8 and resource_id_ = ?", String.class, instance))
				.as("who may read the instance of %s", task.getCode())
				.containsExactlyInAnyOrder(task.getLeadDepartment(), task.getResponsibleLeader());
		}
		List<AuditEntry> grants = entriesAfter(before).stream()
			.filter((e) -> e.kind().equals("PERMISSION_CHANGE"))
			.toList();
		assertThat(grants).singleElement().satisfies((e) -> {
			assertThat(e.subject()).isEqualTo("GrantInstanceRead");
			assertThat(e.detail()).startsWith("GRANT READ PROCESS_INSTANCE on " + instances.size() + " task instances")
				.contains(instances.get(0));
		});
		this.driver.tasksOf(id).forEach((t) -> this.driver.settle(t, "COMPLETED"));
	}

	@Test
	void aRefusedDecisionLeavesNoEntry() {
		Long id = this.driver.register(TestFeedback.small("审计：被拒绝的决定")).getId();
		this.driver.complete(RectificationProcess.PROCESS_KEY, id, RectificationProcess.USER_TASK_DRAFT_PLAN,
				DemoAccounts.RECTIFICATION_CLERK, Map.of(RectificationProcess.VAR_PLAN_SUMMARY, "按照三个清单逐项细化整改任务"));
		for (var opinion : this.driver.open(RectificationProcess.PROCESS_KEY, id,
				RectificationProcess.USER_TASK_SOLICIT_OPINIONS)) {
			this.driver.complete(opinion, opinion.getAssignee(), Map.of(RectificationProcess.VAR_OPINION, "同意方案"));
		}
		long before = lastId();
		// A return without its reason is refused by the model's own listener; the completion rolls back.
		assertThatThrownBy(() -> this.driver.complete(RectificationProcess.PROCESS_KEY, id,
				RectificationProcess.USER_TASK_COMMITTEE_APPROVAL, DemoAccounts.SECRETARY,
				Map.of(RectificationProcess.VAR_COMMITTEE_DECISION, "return"))).isNotNull();
		assertThat(entriesAfter(before)).noneMatch((e) -> e.kind().equals("TASK_COMPLETED"));
		// The refusal itself is recorded, in a transaction of its own that the completion's rollback does not undo.
		assertThat(entriesAfter(before)).anySatisfy((e) -> {
			assertThat(e.kind()).isEqualTo("REFUSED");
			assertThat(e.actor()).isEqualTo(DemoAccounts.SECRETARY);
			assertThat(e.subject()).startsWith("task:");
			assertThat(e.detail()).startsWith("CompleteTask；variables=[committeeDecision]；NotValidException：");
		});
	}

	// ---------------------------------------------------------------------------------------------------------------
	// What the engine's APIs change and refuse (issue 17): variable writes, delegation, assignee and identity-link
	// changes, deployments, filters; refused attempts survive the rollback; a flood of throttled sign-ins is bounded.
	// ---------------------------------------------------------------------------------------------------------------

	@Test
	void variableWritesThroughTheEngineApiAreRecordedUnderTheTaskWithTheirNamesOnly() throws Exception {
		RectificationTask task = aTask("审计：变量");
		Task step = submitStep(task);
		long before = lastId();

		assertThat(rest(DemoAccounts.ADMIN, "PUT", "/engine-rest/task/" + step.getId() + "/variables/auditNote",
				"{\"value\":\"秘密的值\",\"type\":\"String\"}").statusCode()).isEqualTo(204);
		assertThat(rest(DemoAccounts.ADMIN, "POST", "/engine-rest/process-instance/" + step.getProcessInstanceId()
				+ "/variables", "{\"modifications\":{\"auditOther\":{\"value\":1}},\"deletions\":[\"auditNote\"]}")
			.statusCode()).isEqualTo(204);

		List<AuditEntry> writes = entriesAfter(before).stream()
			.filter((e) -> e.kind().equals("VARIABLES_CHANGED"))
			.toList();
		assertThat(writes).hasSize(2);
		assertThat(writes.get(0)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN);
			assertThat(e.subject()).isEqualTo("task:" + step.getId());
			assertThat(e.detail()).startsWith("SetTaskVariables；variables=[auditNote]")
				.contains("instance " + step.getProcessInstanceId() + "（" + RectificationTaskProcess.PROCESS_KEY + ":"
						+ task.getId() + "）")
				.doesNotContain("秘密的值");
			assertThat(e.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});
		assertThat(writes.get(1)).satisfies((e) -> {
			assertThat(e.subject()).isEqualTo("instance:" + step.getProcessInstanceId());
			assertThat(e.detail()).contains("variables=[auditOther]", "deletions=[auditNote]",
					RectificationTaskProcess.PROCESS_KEY + ":" + task.getId());
		});
		// The portal's own writes (an upload updates the evidence summary) are recorded as what the person did.
		long beforeUpload = lastId();
		this.driver.uploadEvidence(task);
		assertThat(entriesAfter(beforeUpload)).extracting(AuditEntry::kind).containsExactly("UPLOAD");
	}

	@Test
	void delegationAssigneeAndIdentityLinkChangesAreRecordedUnderTheTask() throws Exception {
		Task step = submitStep(aTask("审计：委托与候选组"));
		long before = lastId();
		String task = "/engine-rest/task/" + step.getId();

		assertThat(rest(DemoAccounts.ADMIN, "POST", task + "/assignee", "{\"userId\":\"" + STAFF + "\"}").statusCode())
			.isEqualTo(204);
		assertThat(rest(DemoAccounts.ADMIN, "POST", task + "/delegate", "{\"userId\":\"president\"}").statusCode())
			.isEqualTo(204);
		String link = "{\"groupId\":\"financeDepartment\",\"type\":\"candidate\"}";
		assertThat(rest(DemoAccounts.ADMIN, "POST", task + "/identity-links", link).statusCode()).isEqualTo(204);
		assertThat(rest(DemoAccounts.ADMIN, "POST", task + "/identity-links/delete", link).statusCode()).isEqualTo(204);

		List<AuditEntry> entries = entriesAfter(before);
		assertThat(entries).extracting(AuditEntry::kind).containsExactly("TASK_CHANGED", "TASK_CHANGED",
				"IDENTITY_LINK_CHANGED", "IDENTITY_LINK_CHANGED");
		assertThat(entries).allSatisfy((e) -> {
			assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN);
			assertThat(e.subject()).isEqualTo("task:" + step.getId());
			assertThat(e.detail()).contains("instance " + step.getProcessInstanceId());
		});
		assertThat(entries.get(0).detail()).startsWith("AssignTask").contains("userId=" + STAFF);
		assertThat(entries.get(1).detail()).startsWith("DelegateTask").contains("userId=president");
		assertThat(entries.get(2).detail()).startsWith("AddGroupIdentityLink").contains("groupId=financeDepartment",
				"type=candidate");
		assertThat(entries.get(3).detail()).startsWith("DeleteGroupIdentityLink");
	}

	@Test
	void refusedAttemptsAreRecordedThoughTheRefusedCommandRollsBack() throws Exception {
		RectificationTask task = aTask("审计：被拒绝的尝试");
		Task step = submitStep(task);
		long before = lastId();
		String finance = DemoAccounts.staffOf(Department.FINANCE_DEPARTMENT);

		assertThat(rest(finance, "POST", "/engine-rest/task/" + step.getId() + "/delegate", "{\"userId\":\"" + finance
				+ "\"}").statusCode()).isIn(403, 404);
		assertThat(rest(finance, "PUT", "/engine-rest/task/" + step.getId() + "/variables/leaderDecision",
				"{\"value\":\"accept\"}").statusCode()).isIn(403, 404);
		// Our own rule (evidence first) refuses the completion: 400, and recorded as refused.
		assertThat(rest(STAFF, "POST", "/engine-rest/task/" + step.getId() + "/complete",
				"{\"variables\":{\"progressReport\":{\"value\":\"已全部整改到位，材料齐全，请审核。\"}}}").statusCode())
			.isEqualTo(400);
		// A forged completion: a variable that is not on the step's form (the step-work guard refuses it).
		assertThat(rest(STAFF, "POST", "/engine-rest/task/" + step.getId() + "/complete",
				"{\"variables\":{\"progressReport\":{\"value\":\"已完成\"},\"responsibleLeader\":{\"value\":\"" + STAFF
						+ "\"}}}").statusCode())
			.isEqualTo(400);

		List<AuditEntry> refused = entriesAfter(before).stream().filter((e) -> e.kind().equals("REFUSED")).toList();
		assertThat(refused).hasSize(4).allSatisfy((e) -> assertThat(e.subject()).isEqualTo("task:" + step.getId()));
		assertThat(refused.get(0)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(finance);
			assertThat(e.detail()).startsWith("DelegateTask；userId=" + finance).contains("；AuthorizationException：");
		});
		assertThat(refused.get(1).detail()).startsWith("SetTaskVariables；").contains("variables=[leaderDecision]");
		assertThat(refused.get(2)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.detail()).startsWith("CompleteTask；variables=[progressReport]；NotValidException：")
				.contains("请先上传至少一份佐证材料");
		});
		assertThat(refused.get(3)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.detail()).startsWith("CompleteTask；").contains("responsibleLeader");
		});
		assertThat(entriesAfter(before)).noneMatch((e) -> e.kind().equals("TASK_COMPLETED")
				|| e.kind().equals("TASK_CHANGED") || e.kind().equals("VARIABLES_CHANGED"));
		assertThat(this.taskService.createTaskQuery().taskId(step.getId()).singleResult().getDelegationState()).isNull();
	}

	/** Our guards refuse before the engine runs anything; their refusals are recorded too, whatever the command. */
	@Test
	void refusalsOfOurEngineGuardsAreRecorded() throws Exception {
		long before = lastId();
		assertThat(rest(STAFF, "POST", "/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}")
			.statusCode()).isEqualTo(400);
		assertThat(rest(DemoAccounts.ADMIN, "POST", "/engine-rest/authorization/create",
				"{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"" + STAFF
						+ "\",\"resourceType\":0,\"resourceId\":\"tasklist\"}")
			.statusCode()).isEqualTo(400);

		List<AuditEntry> refused = entriesAfter(before).stream().filter((e) -> e.kind().equals("REFUSED")).toList();
		assertThat(refused).hasSize(2);
		assertThat(refused.get(0)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(STAFF);
			assertThat(e.detail()).contains("GuardRefusalException");
		});
		assertThat(refused.get(1)).satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN);
			assertThat(e.detail()).startsWith("SaveAuthorization").contains("GuardRefusalException");
		});
	}

	@Test
	void deploymentsAndFilterChangesAreRecordedWithWhoAndWhat() {
		long before = lastId();
		String form = "{\"id\":\"auditForm\",\"type\":\"default\",\"components\":[]}";
		this.identityService.setAuthentication(DemoAccounts.ADMIN, List.of(Groups.CAMUNDA_ADMIN));
		try {
			Deployment deployment = this.repositoryService.createDeployment()
				.name("审计部署")
				.addString("audit-test.form", form)
				.deploy();
			this.repositoryService.deleteDeployment(deployment.getId(), true);
			Filter filter = this.filterService.saveFilter(this.filterService.newTaskFilter("审计过滤器")
				.setOwner(DemoAccounts.ADMIN));
			this.filterService.deleteFilter(filter.getId());

			List<AuditEntry> entries = entriesAfter(before);
			assertThat(entries).extracting(AuditEntry::kind)
				.containsExactly("DEPLOYMENT", "DEPLOYMENT", "FILTER_CHANGED", "FILTER_CHANGED");
			assertThat(entries).allSatisfy((e) -> assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN));
			assertThat(entries.get(0)).satisfies((e) -> {
				assertThat(e.subject()).isEqualTo("deployment:" + deployment.getId());
				assertThat(e.detail()).contains("审计部署", "audit-test.form sha256=" + HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8))));
			});
			assertThat(entries.get(1)).satisfies((e) -> assertThat(e.detail()).startsWith("DeleteDeployment")
				.contains("deploymentId=" + deployment.getId()));
			assertThat(entries.get(2)).satisfies((e) -> assertThat(e.detail()).startsWith("SaveFilter")
				.contains("审计过滤器"));
			assertThat(entries.get(3).subject()).isEqualTo("filter:" + filter.getId());
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	@Test
	void aFloodOfThrottledSignInsAddsOneEntryNotOnePerRequest() throws Exception {
		this.throttle.clear();
		// Other test classes in this context lock accounts from the same address.
		this.auditLog.forgetRecordedLocks();
		try {
			long before = lastId();
			for (int i = 0; i < 5; i++) {
				rest("floodTarget", "GET", "/api/inspections", null);
			}
			for (int i = 0; i < 40; i++) {
				assertThat(rest("floodTarget", "GET", "/api/inspections", null).statusCode()).isEqualTo(401);
			}
			// The same address locks a second account and floods it: its lock is already on record for the address.
			for (int i = 0; i < 45; i++) {
				rest("floodSecond", "GET", "/api/inspections", null);
			}
			List<AuditEntry> failures = entriesAfter(before).stream()
				.filter((e) -> e.kind().equals("LOGIN_FAILED"))
				.toList();
			// Wrong passwords are recorded each (the throttle allows five per account before it locks).
			assertThat(failures).filteredOn((e) -> e.detail().equals("bad credentials")).hasSize(10);
			assertThat(failures).filteredOn((e) -> e.detail().startsWith("throttled")).singleElement()
				.satisfies((e) -> assertThat(e.detail()).contains("not recorded one by one"));
		}
		finally {
			this.throttle.clear();
		}
	}

	private RectificationTask aTask(String title) {
		Long id = this.driver.register(TestFeedback.small(title)).getId();
		this.driver.filePlan(id);
		return this.driver.task(id, "1.1.1");
	}

	private Task submitStep(RectificationTask task) {
		return this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
	}

	private HttpResponse<String> rest(String user, String method, String path, String json) throws Exception {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return new PortalSession(this.port).send(method, path, json, "Authorization", basic);
	}

	@Test
	void permissionChangesAreRecordedAndARolledBackOneIsNot() {
		long before = lastId();
		this.identityService.setAuthentication(DemoAccounts.ADMIN, List.of(Groups.CAMUNDA_ADMIN));
		try {
			this.identityService.createMembership(STAFF, Groups.DISCIPLINE);
			this.identityService.deleteMembership(STAFF, Groups.DISCIPLINE);
		}
		finally {
			this.identityService.clearAuthentication();
		}
		List<AuditEntry> changes = entriesAfter(before);
		assertThat(changes).extracting(AuditEntry::subject).containsExactly("CreateMembership", "DeleteMembership");
		assertThat(changes).allSatisfy((e) -> {
			assertThat(e.kind()).isEqualTo("PERMISSION_CHANGE");
			assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN);
			assertThat(e.detail()).contains("userId=" + STAFF).contains("groupId=" + Groups.DISCIPLINE);
		});

		long afterChanges = lastId();
		this.transaction.executeWithoutResult((status) -> {
			User user = this.identityService.newUser("auditRolledBack");
			user.setPassword("secret-password");
			this.identityService.saveUser(user);
			status.setRollbackOnly();
		});
		assertThat(entriesAfter(afterChanges)).isEmpty();
		assertThat(this.identityService.createUserQuery().userId("auditRolledBack").count()).isZero();
	}

	@Test
	void aMembershipAddedInCamundaAdminIsRecordedWithTheAdministratorAndAddress() throws Exception {
		PortalSession admin = new PortalSession(this.port);
		admin.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
		String token = admin.webappCsrfToken();
		long before = lastId();
		String path = "/camunda/api/engine/engine/default/group/" + Groups.DISCIPLINE + "/members/" + STAFF;
		assertThat(admin.send("PUT", path, null, "X-XSRF-TOKEN", token).statusCode()).isEqualTo(204);
		assertThat(admin.send("DELETE", path, null, "X-XSRF-TOKEN", token).statusCode()).isEqualTo(204);

		assertThat(entriesAfter(before)).extracting(AuditEntry::subject)
			.containsExactly("CreateMembership", "DeleteMembership");
		assertThat(entriesAfter(before)).allSatisfy((e) -> {
			assertThat(e.actor()).isEqualTo(DemoAccounts.ADMIN);
			assertThat(e.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});
	}

	@Test
	void anEntryWrittenInARolledBackTransactionIsGone() {
		long before = lastId();
		this.transaction.executeWithoutResult((status) -> {
			this.auditLog.record(AuditKind.DOWNLOAD, "evidence:0", "rolled back");
			status.setRollbackOnly();
		});
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:0", "kept");
		assertThat(entriesAfter(before)).extracting(AuditEntry::detail).containsExactly("kept");
	}

	@Test
	void aChangedEntryIsReportedByThePageAndTheVerifier() throws Exception {
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:1", "to be tampered with");
		long id = lastId();
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:2", "after it");
		String original = this.jdbc.queryForObject("select detail from audit_entry where id = ?", String.class, id);
		this.jdbc.update("update audit_entry set detail = ? where id = ?", "nothing to see", id);
		try {
			AuditChain.Verification verification = this.auditLog.verify();
			assertThat(verification.brokenAt()).isEqualTo(id);
			assertThat(verification.reason()).contains("changed");
			assertThat(verify()).startsWith("1:").contains("BROKEN at entry " + id);

			PortalSession discipline = new PortalSession(this.port);
			discipline.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
			assertThat(verification.problem()).isEqualTo(AuditChain.Break.CHANGED);
			assertThat(discipline.get("/audit?verify=1").body()).contains("哈希链在第 " + id + " 条记录处断开：内容与其哈希不符（已被改动）");
		}
		finally {
			this.jdbc.update("update audit_entry set detail = ? where id = ?", original, id);
		}
		assertThat(verify()).startsWith("0:").contains("audit chain intact");
	}

	@Test
	void anEntryMovedToAnotherUnitIsReportedByTheVerifier() throws Exception {
		// A sign-in of the first unit's clerk: the entry is the first unit's, and its hash covers that (version 2).
		this.auditLog.record(DemoAccounts.RECTIFICATION_CLERK, "127.0.0.1", AuditKind.LOGIN,
				"user:" + DemoAccounts.RECTIFICATION_CLERK, "moved to another unit's trail");
		long id = lastId();
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:5", "after it");
		assertThat(this.jdbc.queryForMap("select unit_id, hash_version from audit_entry where id = ?", id))
			.containsEntry("UNIT_ID", "unit1")
			.containsEntry("HASH_VERSION", 2);
		assertThat(this.auditLog.verify().intact()).isTrue();

		this.jdbc.update("update audit_entry set unit_id = 'unit2' where id = ?", id);
		try {
			AuditChain.Verification verification = this.auditLog.verify();
			assertThat(verification.brokenAt()).isEqualTo(id);
			assertThat(verification.problem()).isEqualTo(AuditChain.Break.CHANGED);
			assertThat(verify()).startsWith("1:").contains("BROKEN at entry " + id);

			// Passing it off as an entry from before V18, whose hash leaves the unit out, is a change too.
			this.jdbc.update("update audit_entry set hash_version = 1 where id = ?", id);
			assertThat(this.auditLog.verify().brokenAt()).isEqualTo(id);
			this.jdbc.update("update audit_entry set unit_id = null, hash_version = 2 where id = ?", id);
			assertThat(this.auditLog.verify().brokenAt()).as("taken out of every unit's trail").isEqualTo(id);
		}
		finally {
			this.jdbc.update("update audit_entry set unit_id = 'unit1', hash_version = 2 where id = ?", id);
		}
		assertThat(verify()).startsWith("0:").contains("audit chain intact");
	}

	@Test
	void aRemovedEntryAndACutTailAreReported() {
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:3", "in the middle");
		long middle = lastId();
		this.auditLog.record(AuditKind.DOWNLOAD, "evidence:4", "the last one");
		long last = lastId();
		Map<String, Object> middleRow = this.jdbc.queryForMap("select * from audit_entry where id = ?", middle);
		Map<String, Object> lastRow = this.jdbc.queryForMap("select * from audit_entry where id = ?", last);

		this.jdbc.update("delete from audit_entry where id = ?", middle);
		assertThat(this.auditLog.verify().brokenAt()).isEqualTo(middle);
		assertThat(this.auditLog.verify().reason()).contains("missing");
		restore(middleRow);

		this.jdbc.update("delete from audit_entry where id = ?", last);
		assertThat(this.auditLog.verify().brokenAt()).isEqualTo(last);
		assertThat(this.auditLog.verify().reason()).contains("removed from the end");
		restore(lastRow);
	}

	/**
	 * The tail cut with its head moved back: the chain alone still links (that cut went unnoticed), but a head pinned
	 * before it shows it, on the page and in the command; an untouched chain verifies against its pins, and a
	 * checkpoint file changed by hand is caught by its signature.
	 */
	@Test
	void aTailCutWithItsHeadMovedBackIsReportedAgainstThePinnedHead(@Autowired AuditCheckpointJob checkpoints,
			@Autowired AuditCheckpointProperties settings) throws Exception {
		Path directory = settings.path();
		PortalSession discipline = new PortalSession(this.port);
		discipline.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		try {
			this.auditLog.record(AuditKind.DOWNLOAD, "evidence:5", "pinned");
			long pinned = lastId();
			Path file = checkpoints.pin();
			assertThat(file).exists();
			assertThat(checkpoints.pin()).as("the same head is pinned once").isNull();
			// The discipline committee is told the head once: an inbox entry each, and e-mail or robot where set up.
			assertThat(this.jdbc.queryForList("select n.body from notice n join notice_delivery d on d.notice_id = n.id"
					+ " where n.kind = 'AUDIT_CHECKPOINT' and n.subject = ? and d.channel = 'INBOX' and d.recipient = ?",
					String.class, "审计日志检查点：第 " + pinned + " 条记录", DemoAccounts.DISCIPLINE_OFFICER))
				.singleElement()
				.asString()
				.contains(this.jdbc.queryForObject("select hash from audit_entry where id = ?", String.class, pinned)
					.trim());
			assertThat(this.auditLog.verify().intact()).isTrue();
			assertThat(verify(directory, settings.key())).startsWith("0:")
				.contains("matches 1 checkpoint(s), the latest pinning entry " + pinned)
				.contains("signatures checked");

			this.auditLog.record(AuditKind.DOWNLOAD, "evidence:6", "after the pin");
			long last = lastId();
			Map<String, Object> head = this.jdbc.queryForMap("select * from audit_chain_head where id = 1");
			List<Map<String, Object>> cut = this.jdbc.queryForList("select * from audit_entry where id >= ? order by id",
					pinned);
			String before = this.jdbc.queryForObject("select hash from audit_entry where id = ?", String.class,
					pinned - 1);
			this.jdbc.update("delete from audit_entry where id >= ?", pinned);
			this.jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1", pinned - 1, before);
			try {
				assertThat(this.jdbc.execute((java.sql.Connection c) -> AuditChain.verify(c)).intact())
					.as("the chain alone does not show this cut")
					.isTrue();
				AuditChain.Verification result = this.auditLog.verify();
				assertThat(result.problem()).isEqualTo(AuditChain.Break.CUT);
				assertThat(result.brokenAt()).isEqualTo(pinned);
				assertThat(result.reason()).contains("entry " + pinned + " was pinned").contains("removed from the end");
				assertThat(discipline.get("/audit?verify=1").body()).contains("哈希链在第 " + pinned + " 条记录处断开")
					.contains("与库外保存的检查点不符");
				assertThat(verify(directory, settings.key())).startsWith("1:").contains("BROKEN at entry " + pinned);
			}
			finally {
				cut.forEach(this::restore);
				this.jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1",
						head.get("LAST_ID"), head.get("LAST_HASH"));
			}
			assertThat(lastId()).isEqualTo(last);
			assertThat(this.auditLog.verify().intact()).isTrue();

			// A checkpoint rewritten to the cut head: its signature gives it away.
			String text = Files.readString(file);
			Files.writeString(file, text.replace(cut.get(0).get("HASH").toString().trim(), before.trim()));
			AuditChain.Verification forged = this.auditLog.verify();
			assertThat(forged.problem()).isEqualTo(AuditChain.Break.CHECKPOINT_FORGED);
			assertThat(forged.reason()).contains(file.getFileName().toString()).contains("signature does not match");
			assertThat(verify(directory, settings.key())).startsWith("1:").contains("signature does not match");
			assertThat(verify(directory, "another-key")).startsWith("1:");
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	@Test
	void onlyTheDisciplineCommitteeReadsTheLogPagedAndFiltered() throws Exception {
		PortalSession staff = new PortalSession(this.port);
		staff.login(STAFF, DemoAccounts.PASSWORD);
		assertThat(staff.get("/audit").statusCode()).isEqualTo(403);

		PortalSession discipline = new PortalSession(this.port);
		discipline.login(DemoAccounts.DISCIPLINE_OFFICER, DemoAccounts.PASSWORD);
		HttpResponse<String> page = discipline.get("/audit?kind=LOGIN&actor=" + STAFF + "&size=1");
		assertThat(page.statusCode()).isEqualTo(200);
		// People are shown by name, with their id in the title (issue 20).
		assertThat(page.body()).contains("审计日志").contains("<span title=\"" + STAFF + "\">")
			.contains("第 1 / ").doesNotContain("<span title=\"" + DemoAccounts.DISCIPLINE_OFFICER + "\">");
		assertThat(discipline.get("/audit?verify=1").body()).contains("哈希链完好");
		// What the page cannot read is dropped, never an error.
		assertThat(discipline.get("/audit?kind=NOPE&from=yesterday&to=2026-13-45&page=-3&size=x").statusCode())
			.isEqualTo(200);
	}

	private String verify() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { "jdbc:h2:mem:rectiflow-test", "sa", "" },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + ":" + out.toString(StandardCharsets.UTF_8);
	}

	private String verify(Path checkpoints, String key) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { "jdbc:h2:mem:rectiflow-test", "sa", "" },
				Map.of("RECTIFLOW_AUDIT_CHECKPOINT_DIR", checkpoints.toString(), "RECTIFLOW_AUDIT_CHECKPOINT_KEY", key),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + ":" + out.toString(StandardCharsets.UTF_8);
	}

	private void restore(Map<String, Object> row) {
		this.jdbc.update("insert into audit_entry (id, occurred_at, actor, client_address, kind, subject, detail,"
				+ " prev_hash, hash, unit_id, hash_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID"),
				row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("CLIENT_ADDRESS"), row.get("KIND"), row.get("SUBJECT"),
				row.get("DETAIL"), row.get("PREV_HASH"), row.get("HASH"), row.get("UNIT_ID"), row.get("HASH_VERSION"));
	}

	private long lastId() {
		return this.jdbc.queryForObject("select last_id from audit_chain_head where id = 1", Long.class);
	}

	private List<AuditEntry> entriesAfter(long id) {
		return this.jdbc.query("select * from audit_entry where id > ? order by id", (rs, i) -> AuditChain.read(rs), id);
	}

}

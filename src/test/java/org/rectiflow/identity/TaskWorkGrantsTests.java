package org.rectiflow.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.ProcessDriver;
import org.rectiflow.TestFeedback;
import org.rectiflow.task.RectificationTask;
import org.rectiflow.task.RectificationTaskProcess;
import org.rectiflow.unit.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database from before TASK_WORK: the engine had granted a step's candidates UPDATE, which lets them delegate it.
 * At start-up those grants become TASK_WORK (the clerk still completes, no longer delegates), administrators' grants
 * stay, and starting again changes nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskWorkGrantsTests {

	static final String CLERK = "logisticsDepartmentStaff";

	@Autowired
	AuthorizationBootstrap bootstrap;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Directory directory;

	@Autowired
	Units units;

	@Autowired
	ProcessDriver driver;

	@Test
	void shouldTurnTheUpdateGrantsOfOpenStepsIntoTaskWorkAtStartUp() {
		Long inspection = this.driver.register(TestFeedback.small("旧库授权收紧")).getId();
		this.driver.filePlan(inspection);
		RectificationTask task = this.driver.task(inspection, "1.1.1");
		Task step = this.driver.one(RectificationTaskProcess.PROCESS_KEY, task.getId(),
				RectificationTaskProcess.USER_TASK_SUBMIT_EVIDENCE);
		Authorization grant = departmentGrant(step.getId());
		grant.removePermission(Permissions.TASK_WORK);
		grant.addPermission(Permissions.UPDATE);
		this.authorizations.saveAuthorization(grant);
		assertThat(delegateAsClerk(step.getId())).as("with UPDATE, as before, the clerk delegates").isNull();
		this.taskService.setAssignee(step.getId(), null);

		this.bootstrap.grant();

		Authorization tightened = departmentGrant(step.getId());
		assertThat(tightened.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(tightened.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(tightened.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(delegateAsClerk(step.getId())).isInstanceOf(AuthorizationException.class);
		Authorization admins = this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.CAMUNDA_ADMIN)
			.resourceType(Resources.TASK)
			.resourceId(Authorization.ANY)
			.singleResult();
		assertThat(admins.isPermissionGranted(Permissions.ALL)).as("administrators keep everything").isTrue();
		assertThat(this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.RECTIFICATION_OFFICE)
			.resourceType(Resources.TASK)
			.resourceId(Authorization.ANY)
			.singleResult()
			.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN))
			.as("the rectification office reassigns").isTrue();

		int revision = ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) tightened).getRevision();
		this.bootstrap.grant();
		assertThat(((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) departmentGrant(step.getId()))
			.getRevision()).as("a second start changes nothing").isEqualTo(revision);
	}

	private Authorization departmentGrant(String taskId) {
		List<Authorization> grants = this.authorizations.createAuthorizationQuery()
			.groupIdIn("logisticsDepartment")
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list();
		assertThat(grants).hasSize(1);
		return grants.get(0);
	}

	private Exception delegateAsClerk(String taskId) {
		this.identityService.setAuthentication(CLERK, this.directory.groupIds(CLERK), this.units.tenantIds(CLERK));
		try {
			this.taskService.delegateTask(taskId, "president");
			return null;
		}
		catch (AuthorizationException ex) {
			return ex;
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}

package org.rectiflow.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step's candidates and assignee get the grants Camunda gives them, one per person or group, whether the step was
 * created in the same command (no lookup) or before (looked up, and added to).
 */
@SpringBootTest
@ActiveProfiles("test")
class NewTaskGrantsTests {

	@Autowired
	TaskService taskService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	private String taskId;

	@AfterEach
	void deleteTask() {
		if (this.taskId != null) {
			this.taskService.deleteTask(this.taskId, true);
		}
	}

	@Test
	void shouldGrantEachCandidateOnceOnAStepCreatedInTheSameCommand() {
		this.taskId = this.configuration.getCommandExecutorTxRequired().execute((context) -> {
			Task task = this.taskService.newTask();
			this.taskService.saveTask(task);
			this.taskService.addCandidateGroup(task.getId(), "newTaskGrantsGroup");
			this.taskService.addCandidateGroup(task.getId(), "newTaskGrantsGroup");
			this.taskService.addCandidateUser(task.getId(), "newTaskGrantsPerson");
			this.taskService.setAssignee(task.getId(), "newTaskGrantsPerson");
			return task.getId();
		});

		assertThat(grantsOn(this.taskId)).hasSize(2);
		// Candidates and assignees may work the step, not change it (default-user-permission-name-for-task).
		for (Authorization grant : grantsOn(this.taskId)) {
			assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
		}
	}

	@Test
	void shouldAddToTheGrantAnExistingStepAlreadyHas() {
		Task task = this.taskService.newTask();
		this.taskService.saveTask(task);
		this.taskId = task.getId();
		Authorization read = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setGroupId("newTaskGrantsGroup");
		read.setResource(Resources.TASK);
		read.setResourceId(task.getId());
		read.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(read);

		this.taskService.addCandidateGroup(task.getId(), "newTaskGrantsGroup");

		assertThat(grantsOn(task.getId())).hasSize(1);
		Authorization grant = grant(task.getId(), "newTaskGrantsGroup", null);
		assertThat(grant.getId()).isEqualTo(read.getId());
		assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
	}

	private List<Authorization> grantsOn(String taskId) {
		return this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list();
	}

	private Authorization grant(String taskId, String group, String user) {
		return grantsOn(taskId).stream()
			.filter((a) -> (group != null) ? group.equals(a.getGroupId()) : user.equals(a.getUserId()))
			.findFirst()
			.orElseThrow();
	}

}

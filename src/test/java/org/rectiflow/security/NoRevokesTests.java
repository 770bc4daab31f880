package org.rectiflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * REVOKE authorizations are refused, whoever tries (Camunda Admin saves through the same command), so permission
 * checks need not look for them; grants are saved as before.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoRevokesTests {

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Test
	void shouldRefuseARevokeWithAMessageSayingWhatToDoInstead() {
		Authorization revoke = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setGroupId("financeDepartment");
		revoke.setResource(Resources.PROCESS_DEFINITION);
		revoke.setResourceId("rectificationTaskProcess");
		revoke.addPermission(Permissions.READ);

		assertThatThrownBy(() -> this.authorizationService.saveAuthorization(revoke))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("撤销型授权");
		assertThat(this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count()).isZero();
	}

	@Test
	void shouldNotLookForRevokesBeforeEachCheck() {
		assertThat(this.configuration.getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
	}

	@Test
	void shouldStillSaveGrants() {
		Authorization grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("noRevokesTestsPerson");
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId("noRevokesTestsProcess");
		grant.addPermission(Permissions.READ);

		Authorization saved = this.authorizationService.saveAuthorization(grant);

		assertThat(saved.getId()).isNotNull();
		this.authorizationService.deleteAuthorization(saved.getId());
	}

}

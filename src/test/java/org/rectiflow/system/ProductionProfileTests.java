package org.rectiflow.system;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectiflow.EmbeddedPostgresConfiguration;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.identity.DemoAccounts;
import org.rectiflow.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile on PostgreSQL: the administrator comes from the environment, and no demo account exists.
 */
@Tag("postgres")
@SpringBootTest(classes = { RectiflowApplication.class, EmbeddedPostgresConfiguration.class },
		properties = { "rectiflow.admin.user=chief", "rectiflow.admin.password=correct-horse-battery",
				"spring.datasource.url=jdbc:postgresql://embedded/rectiflow" })
@ActiveProfiles({ "prod", "postgres" })
class ProductionProfileTests {

	@Autowired
	IdentityService identity;

	@Test
	void hasTheAdministratorFromTheEnvironmentAndNoDemoAccounts() {
		assertThat(this.identity.checkPassword("chief", "correct-horse-battery")).isTrue();
		assertThat(this.identity.createUserQuery().userId("chief").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
		assertThat(this.identity.createUserQuery().userId(DemoAccounts.ADMIN).count()).isZero();
		assertThat(this.identity.createUserQuery().userId(DemoAccounts.SECRETARY).count()).isZero();
		assertThat(this.identity.createUserQuery().userId("logisticsDepartmentStaff").count()).isZero();
		assertThat(this.identity.createUserQuery().count()).isOne();
		assertThat(this.identity.createGroupQuery().groupId("logisticsDepartment").count()).isOne();
	}

}

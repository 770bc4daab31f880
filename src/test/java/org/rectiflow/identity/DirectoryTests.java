package org.rectiflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory remembers a person's groups for a while, yet a change made through the engine (as Camunda Admin
 * makes it) is seen at once on this node.
 */
@SpringBootTest
@ActiveProfiles("test")
class DirectoryTests {

	@Autowired
	Directory directory;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void removeThePerson() {
		this.identityService.deleteUser("directoryTestsNewcomer");
	}

	@Test
	void shouldSeeAMembershipGivenOrTakenAwayThroughTheEngineAtOnce() {
		User user = this.identityService.newUser("directoryTestsNewcomer");
		user.setLastName("新");
		user.setFirstName("同事");
		this.identityService.saveUser(user);
		assertThat(this.directory.groupIds("directoryTestsNewcomer")).isEmpty();
		assertThat(this.directory.isMember("directoryTestsNewcomer", "financeDepartment")).isFalse();

		this.identityService.createMembership("directoryTestsNewcomer", "financeDepartment");
		assertThat(this.directory.groupIds("directoryTestsNewcomer")).containsExactly("financeDepartment");
		assertThat(this.directory.isMember("directoryTestsNewcomer", "financeDepartment")).isTrue();

		this.identityService.deleteMembership("directoryTestsNewcomer", "financeDepartment");
		assertThat(this.directory.isMember("directoryTestsNewcomer", "financeDepartment")).isFalse();
	}

}

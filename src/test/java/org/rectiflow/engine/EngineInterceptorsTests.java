package org.rectiflow.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running engine's chains hold our interceptors in the order {@link EngineInterceptors} states (docs/ENGINE.md,
 * section 11), in both of its command chains, whatever order the plugins ran in.
 */
@SpringBootTest
@ActiveProfiles("test")
class EngineInterceptorsTests {

	private static final List<String> PRE = List.of("AuditEnginePlugin$Refusals",
			"ValidationUnwrappingPlugin$UnwrapValidation", "EngineErrorResponses$NoteFailure",
			"ConflictingCompletionPlugin$RaceInterceptor", "StepWorkGuardPlugin$PersonalCommands",
			"QueryExpressionGuardPlugin$Guard", "NoRevokesPlugin$RefuseRevokes", "IdentityChangesPlugin$Forget");

	private static final List<String> POST = List.of("AuditEnginePlugin$PermissionChanges",
			"AuditEnginePlugin$EngineChanges", "InstanceStatisticsGuard$StatisticsCheck", "StepWorkGuardPlugin$StepCheck");

	@Autowired
	private ProcessEngineConfigurationImpl configuration;

	@Test
	void ourInterceptorsRunInTheStatedOrder() {
		assertThat(names(this.configuration.getCustomPreCommandInterceptorsTxRequired())).isEqualTo(PRE);
		assertThat(names(this.configuration.getCustomPreCommandInterceptorsTxRequiresNew())).isEqualTo(PRE);
		assertThat(names(this.configuration.getCustomPostCommandInterceptorsTxRequired())).isEqualTo(POST);
		assertThat(names(this.configuration.getCustomPostCommandInterceptorsTxRequiresNew())).isEqualTo(POST);
	}

	@Test
	void theStatedOrderNamesEveryInterceptor() {
		assertThat(EngineInterceptors.Pre.values()).hasSameSizeAs(PRE);
		assertThat(EngineInterceptors.Post.values()).hasSameSizeAs(POST);
	}

	@Test
	void eachChainHasItsOwnInstances() {
		assertThat(this.configuration.getCustomPreCommandInterceptorsTxRequired())
			.doesNotContainAnyElementsOf(this.configuration.getCustomPreCommandInterceptorsTxRequiresNew());
		assertThat(this.configuration.getCustomPostCommandInterceptorsTxRequired())
			.doesNotContainAnyElementsOf(this.configuration.getCustomPostCommandInterceptorsTxRequiresNew());
	}

	private static List<String> names(List<CommandInterceptor> interceptors) {
		return interceptors.stream()
			.map((interceptor) -> interceptor.getClass().getName().substring("org.rectiflow.engine.".length()))
			.toList();
	}

}

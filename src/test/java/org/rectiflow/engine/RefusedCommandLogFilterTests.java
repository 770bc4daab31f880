package org.rectiflow.engine;

import ch.qos.logback.classic.LoggerContext;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's refused input is answered and audited, not logged as an engine error; any other failure of a command
 * still is, with its stack. Commands run through the engine's own command executor, so the engine's own logging
 * (ENGINE-16004) and the application's logback configuration decide what reaches the output.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RefusedCommandLogFilterTests {

	@Autowired
	ProcessEngineConfiguration configuration;

	@Test
	void theApplicationsLoggingInstallsTheFilter() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(context.getTurboFilterList()).anySatisfy((f) -> assertThat(f).isInstanceOf(RefusedCommandLogFilter.class));
	}

	@Test
	void aFieldTheStepsFormLacksIsNotLoggedAsAnError(CapturedOutput output) {
		assertThatThrownBy(() -> run(() -> {
			throw new FormFieldValidationException("step-form-fields", "“responsibleLeader”不是这一步表单中的字段 (log test)");
		})).isInstanceOf(FormFieldValidationException.class);
		assertThat(output.getAll()).doesNotContain("ENGINE-16004").doesNotContain("(log test)");
	}

	@Test
	void inputATaskListenerRefusesIsNotLoggedAsAnErrorEvenWrapped(CapturedOutput output) {
		assertThatThrownBy(() -> run(() -> {
			throw new ProcessEngineException("ENGINE-03051 listener failed",
					new NotValidException("请填写“意见说明” (log test)"));
		})).isInstanceOf(ProcessEngineException.class);
		assertThat(output.getAll()).doesNotContain("ENGINE-16004").doesNotContain("(log test)");
	}

	@Test
	void anyOtherFailureIsStillLoggedWithItsStack(CapturedOutput output) {
		assertThatThrownBy(() -> run(() -> {
			throw new ProcessEngineException("a real failure (log test)");
		})).isInstanceOf(ProcessEngineException.class);
		assertThat(output.getAll()).contains("ENGINE-16004").contains("a real failure (log test)").contains("\tat ");
	}

	private void run(Runnable body) {
		Command<Void> command = (commandContext) -> {
			body.run();
			return null;
		};
		((ProcessEngineConfigurationImpl) this.configuration).getCommandExecutorTxRequired().execute(command);
	}

}

package org.rectiflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and webapps find the engine by name in a static registry, so when the test run holds several
 * application contexts (H2, PostgreSQL) the last engine started would answer every server's requests. Before each
 * test the engine of the test's own context is made the registered one again. Registered in
 * {@code META-INF/spring.factories}.
 */
public class DefaultEngineTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
				.ifAvailable(ProcessEngines::registerProcessEngine);
		}
	}

}

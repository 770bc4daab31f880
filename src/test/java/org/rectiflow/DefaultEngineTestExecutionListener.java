package org.rectiflow;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
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
			restoreWebappRuntimes();
		}
	}

	/**
	 * The webapps keep their runtimes in statics too, and a server that stops (DeploymentTests starts and closes
	 * whole applications) sets them to null under the servers still cached, whose Cockpit and Admin APIs then fail
	 * with a NullPointerException; which tests see it depends on the order the classes run in. The default runtimes
	 * hold no state of their own: they look the engine up in the registry above.
	 */
	private static void restoreWebappRuntimes() {
		if (Cockpit.getRuntimeDelegate() == null) {
			Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
		}
		if (Admin.getRuntimeDelegate() == null) {
			Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
		}
		if (Tasklist.getRuntimeDelegate() == null) {
			Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
		}
		if (Welcome.getRuntimeDelegate() == null) {
			Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
		}
	}

}

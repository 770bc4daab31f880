package org.rectiflow.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.security.Exploit;
import org.rectiflow.system.Messages;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hole and its fix on a bare engine, through the Java API: without the guard an or-query's expression runs as
 * the server (the control that shows these tests can fail); with it, every nesting and every filter path is refused
 * and nothing runs.
 */
class QueryExpressionGuardPluginTests {

	private final List<ProcessEngine> engines = new ArrayList<>();

	@AfterEach
	void closeEngines() {
		this.engines.forEach(ProcessEngine::close);
	}

	@Test
	void bareEngineEvaluatesAnOrQueryExpression() throws Exception {
		ProcessEngine bare = engine(false);
		Exploit exploit = new Exploit();

		bare.getTaskService().createTaskQuery().or().taskAssigneeExpression(exploit.expression).endOr().list();

		assertThat(exploit.ran(Duration.ofSeconds(10))).as("the unguarded engine ran the command").isTrue();
	}

	@Test
	void guardedEngineRefusesExpressionsInOrQueries() throws Exception {
		ProcessEngine engine = engine(true);
		Exploit exploit = new Exploit();

		assertRefused(() -> engine.getTaskService().createTaskQuery().or().taskAssigneeExpression(exploit.expression)
			.endOr().list());
		assertRefused(() -> engine.getTaskService().createTaskQuery().or().taskCandidateUserExpression(exploit.expression)
			.endOr().count());
		assertRefused(() -> engine.getTaskService().createTaskQuery().or().dueBeforeExpression(exploit.expression)
			.endOr().listPage(0, 10));
		assertRefused(() -> engine.getTaskService().createTaskQuery().taskAssignee("x").or()
			.followUpBeforeOrNotExistentExpression(exploit.expression).endOr().singleResult());
		// The engine's own check still holds for the top level.
		assertRefused(() -> engine.getTaskService().createTaskQuery().taskOwnerExpression(exploit.expression).list());

		assertThat(exploit.ran(Duration.ofSeconds(1))).as("the command ran").isFalse();
	}

	@Test
	void guardedEngineRefusesExpressionsInTheQueryThatExtendsAFilter() throws Exception {
		ProcessEngine engine = engine(true);
		Exploit exploit = new Exploit();
		Filter filter = engine.getFilterService().newTaskFilter("mine")
			.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		engine.getFilterService().saveFilter(filter);
		TaskQuery extending = engine.getTaskService().createTaskQuery().or().taskInvolvedUserExpression(exploit.expression)
			.endOr();

		assertRefused(() -> engine.getFilterService().list(filter.getId(), extending));
		assertRefused(() -> engine.getFilterService().count(filter.getId(), extending));
		assertRefused(() -> engine.getFilterService().listPage(filter.getId(), extending, 0, 5));
		assertRefused(() -> engine.getFilterService().singleResult(filter.getId(), extending));
		engine.getIdentityService().setAuthentication("someone", List.of("someGroup"));
		assertThat(engine.getFilterService().list(filter.getId())).isEmpty();

		assertThat(exploit.ran(Duration.ofSeconds(1))).as("the command ran").isFalse();
	}

	@Test
	void guardedEngineSavesFiltersWithAllowedExpressionsOnly() throws Exception {
		ProcessEngine engine = engine(true);
		Exploit exploit = new Exploit();
		Filter filter = engine.getFilterService().newTaskFilter("due soon")
			.setQuery(engine.getTaskService().createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
				.taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
				.dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}"));
		engine.getFilterService().saveFilter(filter);

		filter.setQuery(engine.getTaskService().createTaskQuery().or().taskOwnerExpression(exploit.expression).endOr());
		assertRefused(() -> engine.getFilterService().saveFilter(filter));
		filter.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(exploit.expression));
		assertRefused(() -> engine.getFilterService().saveFilter(filter));

		engine.getIdentityService().setAuthentication("someone", List.of("someGroup"));
		assertThat(engine.getFilterService().count(filter.getId())).as("the saved filter, unchanged, runs").isZero();
		assertThat(exploit.ran(Duration.ofSeconds(1))).as("the command ran").isFalse();
	}

	@Test
	void guardedEngineRefusesToRunAStoredFilterWithAForbiddenExpression() throws Exception {
		ProcessEngine engine = engine(true);
		Exploit exploit = new Exploit();
		Filter filter = engine.getFilterService().newTaskFilter("planted")
			.setQuery(engine.getTaskService().createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr());
		engine.getFilterService().saveFilter(filter);
		// Planted behind the guard's back, as a filter saved before the fix or written straight into the database.
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		try (var connection = configuration.getDataSource().getConnection();
				var update = connection.prepareStatement("update ACT_RU_FILTER set QUERY_ = replace(QUERY_, ?, ?) where ID_ = ?")) {
			update.setString(1, "${currentUser()}");
			update.setString(2, exploit.expression);
			update.setString(3, filter.getId());
			assertThat(update.executeUpdate()).isOne();
		}

		assertRefused(() -> engine.getFilterService().list(filter.getId()));
		assertRefused(() -> engine.getFilterService().count(filter.getId()));

		assertThat(exploit.ran(Duration.ofSeconds(1))).as("the command ran").isFalse();
	}

	@Test
	void allowListTakesIdentityAndDateArithmeticOnly() {
		assertThat(List.of("${currentUser()}", "${currentUserGroups()}", "${now()}", "${ now() }",
				"${dateTime().plusDays(3).toDate()}", "${dateTime().withTimeAtStartOfDay().minusWeeks(1).toDate()}",
				"${workingDays.endOfWorkingDaysFromNow(3)}"))
			.allMatch(StoredQueryExpressions::isAllowed);
		assertThat(List.of("${currentUser().getClass()}", "${dateTime().plusDays(x).toDate()}", "#{currentUser()}",
				"${currentUser()}${now()}", "${now()} ", "${workingDays.getClass()}", "${demoDataLoader.load()}",
				"${''.getClass().forName('java.lang.Runtime')}", "${currentUser() == 'admin'}", ""))
			.noneMatch(StoredQueryExpressions::isAllowed);
		assertThat(StoredQueryExpressions.isAllowed(null)).isFalse();
	}

	private static void assertRefused(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOf(BadUserRequestException.class).hasMessageContaining("表达式");
	}

	private ProcessEngine engine(boolean guarded) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:guard-" + UUID.randomUUID())
			.setProcessEngineName("guard-" + UUID.randomUUID())
			.setJobExecutorActivate(false);
		if (guarded) {
			ResourceBundleMessageSource messageSource = new ResourceBundleMessageSource();
			messageSource.setBasename("messages");
			messageSource.setDefaultEncoding("UTF-8");
			messageSource.setFallbackToSystemLocale(false);
			List<ProcessEnginePlugin> plugins = List.of(new QueryExpressionGuardPlugin(new Messages(messageSource)));
			configuration.setProcessEnginePlugins(plugins);
		}
		ProcessEngine engine = configuration.buildProcessEngine();
		this.engines.add(engine);
		return engine;
	}

}

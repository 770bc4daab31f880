package org.rectiflow.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.supervision.SignOff;
import org.rectiflow.engine.EngineIndexesPlugin;
import org.rectiflow.task.RectificationTaskProcess;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The bare Camunda engine the benchmark measures Rectiflow against: a plain standalone engine, no Spring, no plugins,
 * no authorization checks, on a database of its own of the same kind and settings as the application's (the same H2
 * URL settings, or another database of the same PostgreSQL server), full history, UUID ids, no job executor, running {@code rectification-task.bpmn} itself
 * with Rectiflow's listeners and delegates taken out. Same shape (embedded sub-process, three boundary timers,
 * message and escalation boundaries, the same gateways and variables), none of the product around it.
 */
final class BareEngine implements AutoCloseable {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private final ProcessEngine engine;

	private final ProcessEngineConfigurationImpl configuration;

	BareEngine(String jdbcUrl, String user, String password) throws Exception {
		this((ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(jdbcUrl)
			.setJdbcUsername(user)
			.setJdbcPassword(password), "bare");
	}

	/** On the given data source, e.g. one that counts statements ({@link StatementLog}). */
	BareEngine(DataSource dataSource, String name) throws Exception {
		this((ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setDataSource(dataSource), name);
	}

	private BareEngine(ProcessEngineConfigurationImpl connection, String name) throws Exception {
		ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) connection
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false)
			.setProcessEngineName(name);
		cfg.setIdGenerator(new StrongUuidGenerator());
		cfg.setJdbcMaxActiveConnections(10);
		this.configuration = cfg;
		this.engine = cfg.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.name("bare")
			.addString("rectification-task.bpmn", strippedProcess())
			.deploy();
	}

	/**
	 * {@code rectification-task.bpmn} without task and execution listeners, delegates replaced by no-ops, people
	 * assigned from the start variables.
	 */
	static String strippedProcess() throws Exception {
		Document doc;
		try (InputStream in = new ClassPathResource("processes/rectification-task.bpmn").getInputStream()) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			doc = factory.newDocumentBuilder().parse(in);
		}
		for (String listener : List.of("taskListener", "executionListener")) {
			NodeList found = doc.getElementsByTagNameNS(CAMUNDA_NS, listener);
			List<Node> nodes = new ArrayList<>();
			for (int i = 0; i < found.getLength(); i++) {
				nodes.add(found.item(i));
			}
			nodes.forEach((n) -> n.getParentNode().removeChild(n));
		}
		NodeList all = doc.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (element.hasAttributeNS(CAMUNDA_NS, "delegateExpression")) {
				element.removeAttributeNS(CAMUNDA_NS, "delegateExpression");
				element.setAttributeNS(CAMUNDA_NS, "camunda:expression", "${null}");
			}
			element.removeAttributeNS(CAMUNDA_NS, "formRef");
			element.removeAttributeNS(CAMUNDA_NS, "formRefBinding");
			// A bare engine assigns from the start variables; Rectiflow reads the same people from the ledger row.
			if (element.hasAttributeNS(CAMUNDA_NS, "assignee")) {
				element.setAttributeNS(CAMUNDA_NS, "camunda:assignee", "${responsibleLeader}");
			}
			if (element.hasAttributeNS(CAMUNDA_NS, "candidateGroups")
					&& element.getAttributeNS(CAMUNDA_NS, "candidateGroups").startsWith("${rectificationTasks.")) {
				element.setAttributeNS(CAMUNDA_NS, "camunda:candidateGroups", "${leadDepartment}");
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var transformer = TransformerFactory.newInstance().newTransformer();
		transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
		transformer.transform(new DOMSource(doc), new StreamResult(out));
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The variables the portal's sign-off form completes the on-site supervision with. */
	static Map<String, Object> signedOff(SignOff signOff) {
		Map<String, Object> signed = new HashMap<>();
		signed.put(RectificationTaskProcess.VAR_SUPERVISION_DECISION, signOff.verdict());
		signed.put(RectificationTaskProcess.VAR_SUPERVISION_FINDINGS, signOff.findings());
		signed.put(RectificationTaskProcess.VAR_VISIT_DATE, signOff.date().toString());
		signed.put(RectificationTaskProcess.VAR_VISIT_PLACE, signOff.place());
		signed.put(RectificationTaskProcess.VAR_VISIT_PARTICIPANTS, signOff.participants());
		signed.put(RectificationTaskProcess.VAR_CHECKED_ITEMS, signOff.checkedItems());
		return signed;
	}

	/** Starts one instance per entry (business key → variables) in one transaction, as a filed plan does. */
	void launch(Map<String, Map<String, Object>> instances) {
		this.configuration.getCommandExecutorTxRequired().execute((context) -> {
			instances.forEach((businessKey, variables) -> this.engine.getRuntimeService()
				.startProcessInstanceByKey(RectificationTaskProcess.PROCESS_KEY, businessKey, variables));
			return null;
		});
	}

	/**
	 * Gives its database the indexes Rectiflow adds to the engine's schema ({@link EngineIndexesPlugin}), for a run
	 * that measures the product against an engine tuned the same way ({@code -Dbenchmark.bareIndexes=true}).
	 */
	void addRectiflowIndexes() {
		try (Connection connection = this.configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String index : EngineIndexesPlugin.INDEXES) {
				statement.execute(index);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("indexes on the bare engine's database", ex);
		}
	}

	/** Brings the planner's statistics of its database up to date ({@code ANALYZE}, on H2 and PostgreSQL). */
	void analyze() {
		try (Connection connection = this.configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("ANALYZE on the bare engine's database", ex);
		}
	}

	/** Finds the step the instance waits at and completes it: what any client of the engine has to do. */
	void complete(String businessKey, String step, Map<String, Object> variables) {
		TaskService tasks = this.engine.getTaskService();
		Task task = tasks.createTaskQuery()
			.processDefinitionKey(RectificationTaskProcess.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(step)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("bare engine: no " + step + " open for " + businessKey);
		}
		tasks.complete(task.getId(), variables);
	}

	@Override
	public void close() throws IOException {
		this.engine.close();
	}

}

package org.rectiflow.engine;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The variables each user task's own form submits: the {@code key} of every component of the Camunda Form the step
 * links with {@code camunda:formRef}, at any nesting (a key {@code a.b} and a group's {@code path} submit the variable
 * {@code a}). Worked out when the engine parses the process (on deployment, and when it parses a definition again
 * after a restart), from the forms of the same deployment ({@code camunda:formRefBinding="deployment"}, as every step
 * of ours links its form), each deployment's forms read once; kept on the parsed activity in the engine's deployment
 * cache, so looking them up on a step costs no database statement.
 * <p>
 * The portal's steps pass only fields of their forms too (evidence submission, on-site sign-off, extension and
 * criticism decisions), so no step needs fields beyond its form. A step whose form cannot be found in its deployment
 * has no fields: a participant may then complete it with no variables only.
 */
final class StepFormFields extends AbstractBpmnParseListener {

	private static final Logger log = LoggerFactory.getLogger(StepFormFields.class);

	private static final String PROPERTY = "rectiflow.formFields";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The forms of each deployment whose processes were parsed, by form id: worked out once per deployment. */
	private final Map<String, Map<String, Set<String>>> formsByDeployment = new ConcurrentHashMap<>();

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		String formRef = userTaskElement.attributeNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "formRef");
		Set<String> fields = (formRef == null) ? Set.of() : formFields(scope, formRef);
		activity.setProperty(PROPERTY, fields);
	}

	private Set<String> formFields(ScopeImpl scope, String formRef) {
		String deploymentId = (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
				? definition.getDeploymentId() : null;
		if (deploymentId == null) {
			return Set.of();
		}
		Set<String> fields = this.formsByDeployment.computeIfAbsent(deploymentId, StepFormFields::formsOf).get(formRef);
		if (fields == null) {
			log.warn("Form {} is not in deployment {}: its step accepts no variables from participants", formRef,
					deploymentId);
			return Set.of();
		}
		return fields;
	}

	/**
	 * The forms of a deployment: those the engine holds in memory while it deploys; when it parses a definition again
	 * after a restart it reads the BPMN alone, and the forms are read once with one query.
	 */
	private static Map<String, Set<String>> formsOf(String deploymentId) {
		CommandContext context = Context.getCommandContext();
		DeploymentEntity deployment = context.getDbEntityManager().getCachedEntity(DeploymentEntity.class, deploymentId);
		Collection<ResourceEntity> resources = (deployment != null && deployment.getResources() != null)
				? deployment.getResources().values() : List.of();
		if (resources.stream().noneMatch(StepFormFields::isForm)) {
			resources = context.getResourceManager().findResourcesByDeploymentId(deploymentId);
		}
		return formsIn(resources);
	}

	private static boolean isForm(ResourceEntity resource) {
		return resource.getName() != null && resource.getName().endsWith(".form");
	}

	static Map<String, Set<String>> formsIn(Collection<ResourceEntity> resources) {
		Map<String, Set<String>> forms = new HashMap<>();
		for (ResourceEntity resource : resources) {
			if (!isForm(resource) || resource.getBytes() == null) {
				continue;
			}
			try {
				JsonNode form = JSON.readTree(resource.getBytes());
				if (form.hasNonNull("id")) {
					forms.put(form.get("id").asText(), Collections.unmodifiableSet(keysOf(form)));
				}
			}
			catch (IOException ex) {
				log.warn("Form {} cannot be read: its steps accept no variables from participants", resource.getName(), ex);
			}
		}
		return forms;
	}

	/** The top-level variables a form submits. */
	static Set<String> keysOf(JsonNode form) {
		Set<String> keys = new LinkedHashSet<>();
		collect(form.path("components"), keys);
		return keys;
	}

	private static void collect(JsonNode components, Set<String> keys) {
		for (JsonNode component : components) {
			String path = component.path("path").asText("");
			if (!path.isBlank()) {
				// A group or list with a path submits everything inside it as one object under that name.
				keys.add(firstSegment(path));
				continue;
			}
			String key = component.path("key").asText("");
			if (!key.isBlank()) {
				keys.add(firstSegment(key));
			}
			collect(component.path("components"), keys);
		}
	}

	private static String firstSegment(String name) {
		int dot = name.indexOf('.');
		return (dot < 0) ? name.trim() : name.substring(0, dot).trim();
	}

	/**
	 * The fields of the step a task stands for, from the parsed definition in the engine's cache (where the engine
	 * finds it for the step itself); {@code null} for a task outside a process.
	 */
	static Set<String> of(TaskEntity task) {
		ActivityImpl activity = activity(task);
		if (activity == null) {
			return null;
		}
		Object fields = activity.getProperty(PROPERTY);
		return (fields instanceof Set<?> set) ? castNames(set) : Set.of();
	}

	/** The step's name as drawn in the diagram, for messages. */
	static String stepName(TaskEntity task) {
		ActivityImpl activity = activity(task);
		return (activity != null && activity.getName() != null) ? activity.getName() : task.getTaskDefinitionKey();
	}

	private static ActivityImpl activity(TaskEntity task) {
		if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
			return null;
		}
		DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
		// The parsed definition the engine keeps; asking for it "deployed" would read its row again in this command.
		ProcessDefinitionEntity definition = cache.findProcessDefinitionFromCache(task.getProcessDefinitionId());
		if (definition == null) {
			definition = cache.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		}
		return (definition == null) ? null : definition.findActivity(task.getTaskDefinitionKey());
	}

	@SuppressWarnings("unchecked")
	private static Set<String> castNames(Set<?> set) {
		return (Set<String>) set;
	}

}

package org.rectiflow.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.rectiflow.system.Actors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the audit page shows of the stored entries, for people rather than for the chain: who acted by name (the
 * engine itself as {@code audit.actor.system}), the step of a completed task by its name in the deployed BPMN model,
 * and its decisions by their labels ({@code audit.variable.<name>}, {@code audit.value.<name>.<value>}). The stored
 * text is never changed: the page keeps it beside the labels (in titles) and the chain is verified over it alone. What
 * cannot be named (an unknown person, step or variable) is shown as stored.
 */
@Component
class AuditPresenter {

	/** A completion's detail as stored: {@code 名称（taskKey）；variable=value；…} (or the key alone). */
	private static final Pattern NAMED_STEP = Pattern.compile("^(.*)（([A-Za-z_][\\w.-]*)）$");

	private static final Pattern STEP_KEY = Pattern.compile("^[A-Za-z_][\\w.-]*$");

	private static final Pattern VARIABLE = Pattern.compile("^([A-Za-z_]\\w*)=(.*)$", Pattern.DOTALL);

	/** One shown item and the stored text it stands for. */
	public record Label(String text, String raw) {
	}

	/**
	 * One entry as shown: the person's name (or the system's), and for a task completion its step and decisions
	 * (null step: the detail is shown as stored).
	 */
	public record Row(AuditEntry entry, String actorName, boolean system, Label step, List<Label> decisions) {

		public boolean presented() {
			return this.step != null;
		}

	}

	private final IdentityService identityService;

	private final RepositoryService repositoryService;

	private final MessageSource messages;

	/** The names of the flow elements of each deployed process definition, by definition id (never changes). */
	private final Map<String, Map<String, String>> stepNames = new ConcurrentHashMap<>();

	AuditPresenter(IdentityService identityService, RepositoryService repositoryService, MessageSource messages) {
		this.identityService = identityService;
		this.repositoryService = repositoryService;
		this.messages = messages;
	}

	/** The rows of one page, with the names of everyone on it read in one query. */
	List<Row> present(List<AuditEntry> entries) {
		Locale locale = LocaleContextHolder.getLocale();
		Set<String> people = new LinkedHashSet<>();
		Set<String> processKeys = new LinkedHashSet<>();
		for (AuditEntry entry : entries) {
			if (!isSystem(entry.actor())) {
				people.add(entry.actor());
			}
			if (AuditKind.TASK_COMPLETED.name().equals(entry.kind())) {
				processKeys.add(processKey(entry.subject()));
			}
		}
		Map<String, String> names = names(people);
		Map<String, Map<String, String>> steps = new HashMap<>();
		processKeys.forEach((key) -> steps.put(key, stepNamesOf(key)));
		List<Row> rows = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			boolean system = isSystem(entry.actor());
			String actorName = system ? message(locale, "audit.actor.system", entry.actor())
					: names.getOrDefault(entry.actor(), entry.actor());
			Row row = new Row(entry, actorName, system, null, List.of());
			if (AuditKind.TASK_COMPLETED.name().equals(entry.kind()) && entry.detail() != null) {
				row = completion(row, steps.getOrDefault(processKey(entry.subject()), Map.of()), locale);
			}
			rows.add(row);
		}
		return rows;
	}

	private Row completion(Row row, Map<String, String> stepNames, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (String part : row.entry().detail().split("；", -1)) {
			// A reason may hold the separator itself: it belongs to the variable before it.
			if (!parts.isEmpty() && !VARIABLE.matcher(part).matches()) {
				parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "；" + part);
			}
			else {
				parts.add(part);
			}
		}
		String first = parts.get(0);
		String key;
		String storedName;
		Matcher named = NAMED_STEP.matcher(first);
		if (named.matches()) {
			key = named.group(2);
			storedName = named.group(1);
		}
		else if (STEP_KEY.matcher(first).matches()) {
			key = first;
			storedName = null;
		}
		else {
			return row;
		}
		String stepName = stepNames.get(key);
		if (stepName == null || stepName.isBlank()) {
			stepName = (storedName != null && !storedName.isBlank() && !"null".equals(storedName)) ? storedName : key;
		}
		List<Label> decisions = new ArrayList<>();
		for (String part : parts.subList(1, parts.size())) {
			Matcher variable = VARIABLE.matcher(part);
			if (!variable.matches()) {
				decisions.add(new Label(part, part));
				continue;
			}
			String name = variable.group(1);
			String value = variable.group(2);
			String label = message(locale, "audit.variable." + name, null);
			if (label == null) {
				decisions.add(new Label(part, part));
				continue;
			}
			String valueLabel = STEP_KEY.matcher(value).matches()
					? message(locale, "audit.value." + name + "." + value, value) : value;
			decisions.add(new Label(message(locale, "audit.decision", label + "：" + valueLabel, label, valueLabel),
					part));
		}
		return new Row(row.entry(), row.actorName(), row.system(), new Label(stepName, key), decisions);
	}

	private static boolean isSystem(String actor) {
		return actor == null || actor.isBlank() || Actors.SYSTEM.equals(actor);
	}

	/** {@code rectificationTaskProcess:businessKey/taskId} → {@code rectificationTaskProcess}. */
	private static String processKey(String subject) {
		if (subject == null) {
			return "";
		}
		int colon = subject.indexOf(':');
		return (colon > 0) ? subject.substring(0, colon) : subject;
	}

	/** "Last First" as Chinese names are written (as the directory names people), one query for the page. */
	private Map<String, String> names(Collection<String> userIds) {
		Map<String, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		// Portal pages run with no engine authentication (only /engine-rest has one): the names of everyone on the page.
		List<User> users = this.identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list();
		for (User user : users) {
			String name = ((user.getLastName() == null) ? "" : user.getLastName())
					+ ((user.getFirstName() == null) ? "" : user.getFirstName());
			names.put(user.getId(), name.isBlank() ? user.getId() : name);
		}
		return names;
	}

	/**
	 * The names of the steps of every deployed version of a process (a later version's name wins), each definition's
	 * model read once.
	 */
	private Map<String, String> stepNamesOf(String processKey) {
		Map<String, String> names = new HashMap<>();
		if (processKey.isEmpty()) {
			return names;
		}
		try {
			List<ProcessDefinition> definitions = this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(processKey)
				.orderByProcessDefinitionVersion()
				.asc()
				.list();
			for (ProcessDefinition definition : definitions) {
				names.putAll(this.stepNames.computeIfAbsent(definition.getId(), this::readStepNames));
			}
		}
		catch (RuntimeException ex) {
			// A model that cannot be read leaves the names as stored; the page never fails for a label.
		}
		return names;
	}

	private Map<String, String> readStepNames(String definitionId) {
		BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definitionId);
		Map<String, String> names = new HashMap<>();
		if (model != null) {
			for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
				if (element.getId() != null && element.getName() != null && !element.getName().isBlank()) {
					names.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
				}
			}
		}
		return names;
	}

	private String message(Locale locale, String key, String fallback, Object... args) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

}

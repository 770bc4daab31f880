package org.rectiflow.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Reads the engine state the guards need that Camunda 7 keeps in protected fields without getters: the query a filter
 * execution is extended with, the filter being saved, the nested (or-)queries of a query, and the task or execution a
 * command works on with the variables it writes. Field names are those of 7.24; a missing field fails loudly when the
 * engine starts rather than letting a command through unchecked.
 */
final class EngineInternals {

	private static final ClassValue<Field> NESTED_QUERIES = new ClassValue<>() {
		@Override
		protected Field computeValue(Class<?> type) {
			return findField(type, "queries", false);
		}
	};

	private static final Field EXTENDING_QUERY = findField(AbstractExecuteFilterCmd.class, "extendingQuery", true);

	private static final Field FILTER_ID = findField(AbstractExecuteFilterCmd.class, "filterId", true);

	private static final Field SAVED_FILTER = findField(SaveFilterCmd.class, "filter", true);

	private static final Field SAVED_AUTHORIZATION = findField(SaveAuthorizationCmd.class, "authorization", true);

	private static final Field COMPLETED_TASK = findField(CompleteTaskCmd.class, "taskId", true);

	private static final Field COMPLETION_VARIABLES = findField(CompleteTaskCmd.class, "variables", true);

	private static final Field SUBMITTED_TASK = findField(SubmitTaskFormCmd.class, "taskId", true);

	private static final Field SUBMITTED_PROPERTIES = findField(SubmitTaskFormCmd.class, "properties", true);

	private static final Field VARIABLE_SCOPE = findField(AbstractVariableCmd.class, "entityId", true);

	private static final Field SET_VARIABLES = findField(AbstractSetVariableCmd.class, "variables", true);

	private static final Field REMOVED_VARIABLES = findField(AbstractRemoveVariableCmd.class, "variableNames", true);

	private static final Field PATCHED_SCOPE = findField(AbstractPatchVariablesCmd.class, "entityId", true);

	private static final Field PATCHED_VARIABLES = findField(AbstractPatchVariablesCmd.class, "variables", true);

	private static final Field PATCH_DELETIONS = findField(AbstractPatchVariablesCmd.class, "deletions", true);

	private static final Field PROPERTY_TASK = findField(AbstractSetTaskPropertyCmd.class, "taskId", true);

	private static final Field LINKED_USER = findField(AbstractAddIdentityLinkCmd.class, "userId", true);

	private static final Field SAVED_TASK = findField(SaveTaskCmd.class, "task", true);

	private EngineInternals() {
	}

	/** The step a completion (also a claiming one, a resolution) or a form submission is for. */
	static String taskId(CompleteTaskCmd completion) {
		return (String) read(COMPLETED_TASK, completion);
	}

	static String taskId(SubmitTaskFormCmd submission) {
		return (String) read(SUBMITTED_TASK, submission);
	}

	static String taskId(AbstractSetTaskPropertyCmd<?> change) {
		return (String) read(PROPERTY_TASK, change);
	}

	/** The task a save writes: a new one (revision 0) or changes to an existing one. */
	static TaskEntity savedTask(SaveTaskCmd save) {
		return (TaskEntity) read(SAVED_TASK, save);
	}

	/** The user an assignment, claim-back or identity link names ({@code null} for an unclaim). */
	static String linkedUser(AbstractAddIdentityLinkCmd link) {
		return (String) read(LINKED_USER, link);
	}

	/** The task or execution a variable command writes to. */
	static String scopeId(AbstractVariableCmd command) {
		return (String) read(VARIABLE_SCOPE, command);
	}

	static String scopeId(AbstractPatchVariablesCmd command) {
		return (String) read(PATCHED_SCOPE, command);
	}

	/** The names of the variables a command writes or removes, in the order given. */
	static List<String> variableNames(Object command) {
		List<String> names = new ArrayList<>();
		if (command instanceof CompleteTaskCmd) {
			addKeys(names, read(COMPLETION_VARIABLES, command));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			addKeys(names, read(SUBMITTED_PROPERTIES, command));
		}
		else if (command instanceof AbstractSetVariableCmd) {
			addKeys(names, read(SET_VARIABLES, command));
		}
		else if (command instanceof AbstractRemoveVariableCmd) {
			addAll(names, read(REMOVED_VARIABLES, command));
		}
		else if (command instanceof AbstractPatchVariablesCmd) {
			addKeys(names, read(PATCHED_VARIABLES, command));
			addAll(names, read(PATCH_DELETIONS, command));
		}
		return names;
	}

	private static void addKeys(List<String> names, Object variables) {
		if (variables instanceof java.util.Map<?, ?> map) {
			addAll(names, map.keySet());
		}
	}

	private static void addAll(List<String> names, Object values) {
		if (values instanceof Iterable<?> iterable) {
			for (Object value : iterable) {
				names.add(String.valueOf(value));
			}
		}
	}

	static Object extendingQuery(AbstractExecuteFilterCmd execution) {
		return read(EXTENDING_QUERY, execution);
	}

	static String filterId(AbstractExecuteFilterCmd execution) {
		return (String) read(FILTER_ID, execution);
	}

	static Filter filter(SaveFilterCmd save) {
		return (Filter) read(SAVED_FILTER, save);
	}

	static Authorization authorization(SaveAuthorizationCmd save) {
		return (Authorization) read(SAVED_AUTHORIZATION, save);
	}

	/**
	 * The query and every query nested in it, at any depth: a task query's or-queries, and theirs (the REST API
	 * accepts {@code orQueries} inside {@code orQueries}).
	 */
	static List<AbstractQuery<?, ?>> queryParts(AbstractQuery<?, ?> query) {
		Set<AbstractQuery<?, ?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<AbstractQuery<?, ?>> parts = new ArrayList<>();
		collect(query, seen, parts);
		return parts;
	}

	private static void collect(AbstractQuery<?, ?> query, Set<AbstractQuery<?, ?>> seen,
			List<AbstractQuery<?, ?>> parts) {
		if (!seen.add(query)) {
			return;
		}
		parts.add(query);
		Field nested = NESTED_QUERIES.get(query.getClass());
		if (nested != null && read(nested, query) instanceof Iterable<?> children) {
			for (Object child : children) {
				if (child instanceof AbstractQuery<?, ?> part) {
					collect(part, seen, parts);
				}
			}
		}
	}

	private static Object read(Field field, Object target) {
		try {
			return field.get(target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field, ex);
		}
	}

	private static Field findField(Class<?> type, String name, boolean required) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			try {
				Field field = current.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException ex) {
				// look further up
			}
		}
		if (required) {
			throw new IllegalStateException("Camunda changed: no field " + name + " in " + type.getName());
		}
		return null;
	}

}

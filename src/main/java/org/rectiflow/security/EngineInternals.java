package org.rectiflow.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;

/**
 * Reads the engine state the guard needs that Camunda 7 keeps in protected fields without getters: the query a filter
 * execution is extended with, the filter being saved, and the nested (or-)queries of a query. Field names are those
 * of 7.24; a missing field fails loudly at the first use rather than letting a query through unchecked.
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

	private EngineInternals() {
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

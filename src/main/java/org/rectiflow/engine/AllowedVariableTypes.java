package org.rectiflow.engine;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;

/**
 * The only classes an Object process variable may be built from: strings, the boxed primitives and the collections and
 * maps our processes store (lists of leaders and departments, {@code java.util.ArrayList<java.lang.String>}; an empty
 * list is stored as {@code java.util.ArrayList<java.lang.Object>}, and Jackson builds an {@code Object} only as plain
 * maps, lists, strings and numbers). Naming
 * any other class (e.g. {@code org.apache.commons.io.output.LockableFileWriter}, whose constructor truncates the file
 * it is given) in a variable's type is refused wherever a type name comes in: the REST API's multipart {@code type}
 * part and JSON {@code objectTypeName} ({@code identity/JavaSerializationGuardFilter}), the engine when an Object variable is
 * written ({@link VariableTypeGuardPlugin}), and Jackson when one is read ({@link #validator()}).
 * <p>
 * A type name is checked as text, never loaded: {@code java.util.HashMap<java.lang.String,java.lang.Long>} is split at
 * {@code < , >} and each part must be on the list exactly. Arrays, blanks and anything unusual are refused.
 */
public final class AllowedVariableTypes {

	static final Set<String> CLASSES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
			"java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
			"java.lang.Float", "java.lang.Double", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
			"java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
			"java.util.TreeSet");

	/** Deep enough for any list or map we store; deeper graphs are refused rather than walked. */
	private static final int MAX_DEPTH = 8;

	private AllowedVariableTypes() {
	}

	/** Whether every class named in this canonical type name (with type parameters) is on the allow-list. */
	public static boolean allows(String typeName) {
		if (typeName == null || typeName.isEmpty() || typeName.length() > 500) {
			return false;
		}
		int depth = 0;
		int start = 0;
		for (int i = 0; i <= typeName.length(); i++) {
			char c = (i < typeName.length()) ? typeName.charAt(i) : '\0';
			if (c == '<' || c == ',' || c == '>' || c == '\0') {
				String part = typeName.substring(start, i);
				// After a '>' only another '>', a ',' or the end may follow; anywhere else there must be a name.
				boolean closes = i > 0 && typeName.charAt(i - 1) == '>';
				if (closes ? !part.isEmpty() : !CLASSES.contains(part)) {
					return false;
				}
				depth += (c == '<') ? 1 : (c == '>') ? -1 : 0;
				if (depth < 0 || (c == ',' && depth == 0)) {
					return false;
				}
				start = i + 1;
			}
		}
		return depth == 0;
	}

	/** Whether this object, and everything in it if it is a collection or a map, is of an allowed class. */
	public static boolean allowsValue(Object value) {
		return allowsValue(value, 0, new IdentityHashMap<>());
	}

	private static boolean allowsValue(Object value, int depth, Map<Object, Boolean> seen) {
		if (value == null) {
			return true;
		}
		if (depth > MAX_DEPTH || !CLASSES.contains(value.getClass().getName())) {
			return false;
		}
		if (seen.put(value, Boolean.TRUE) != null) {
			return true;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().allMatch((element) -> allowsValue(element, depth + 1, seen));
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.allMatch((e) -> allowsValue(e.getKey(), depth + 1, seen) && allowsValue(e.getValue(), depth + 1, seen));
		}
		return true;
	}

	/**
	 * For the engine's deserialization type validation: Jackson asks about each raw class of the type it is about to
	 * build (the list, then its elements' class), before building anything.
	 */
	public static DeserializationTypeValidator validator() {
		return CLASSES::contains;
	}

}

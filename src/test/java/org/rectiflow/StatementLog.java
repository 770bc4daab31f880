package org.rectiflow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements a thread sends through a data source while recording: every execution and every batched
 * row, each by its statement text. What a step costs the database, counted rather than timed.
 */
public final class StatementLog {

	/** The application's statements, in a context that imports {@link Recording}. */
	public static final StatementLog APPLICATION = new StatementLog();

	/** Records what the application's data source runs on a recording thread, into {@link #APPLICATION}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Recording {

		@Bean
		static BeanPostProcessor recordingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && "dataSource".equals(name))
							? APPLICATION.wrap(dataSource) : bean;
				}
			};
		}

	}

	private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	/** The data source, with every statement run on a recording thread recorded. */
	public DataSource wrap(DataSource target) {
		return proxy(DataSource.class, target, (method, args, result) -> (result instanceof Connection connection)
				? proxy(Connection.class, connection, this::onConnection) : result);
	}

	/** Runs the work and returns the statements it sent, in order. */
	public List<String> record(Runnable work) {
		List<String> statements = new ArrayList<>();
		this.recording.set(statements);
		try {
			work.run();
		}
		finally {
			this.recording.remove();
		}
		return statements;
	}

	/** How many statements of each kind (insert into X, update X, delete from X, select from X, ...). */
	public static Map<String, Integer> byKind(List<String> statements) {
		Map<String, Integer> kinds = new TreeMap<>();
		statements.forEach((s) -> kinds.merge(kind(s), 1, Integer::sum));
		return kinds;
	}

	/** The verb and first table of a statement: "select act_ru_task", "insert act_hi_op_log". */
	public static String kind(String sql) {
		String s = sql.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		String verb = s.split(" ", 2)[0];
		String table = switch (verb) {
			case "insert" -> after(s, " into ");
			case "update" -> after(s, "update ");
			case "delete" -> after(s, " from ");
			default -> after(s, " from ");
		};
		return verb + " " + table;
	}

	private static String after(String s, String marker) {
		int i = s.indexOf(marker);
		if (i < 0) {
			return "?";
		}
		String rest = s.substring(i + marker.length()).replace("(", " ");
		return rest.split("[ ,]", 2)[0];
	}

	private Object onConnection(Method method, Object[] args, Object result) {
		if (result instanceof PreparedStatement statement && args != null && args.length > 0
				&& args[0] instanceof String sql) {
			return proxy(PreparedStatement.class, statement, (m, a, r) -> {
				if (m.getName().startsWith("execute") || m.getName().equals("addBatch")) {
					if (!(m.getName().equals("executeBatch"))) {
						note(sql);
					}
				}
				return r;
			});
		}
		if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
			return proxy(Statement.class, statement, (m, a, r) -> {
				if ((m.getName().startsWith("execute") || m.getName().equals("addBatch")) && a != null && a.length > 0
						&& a[0] instanceof String sql) {
					note(sql);
				}
				return r;
			});
		}
		return result;
	}

	private void note(String sql) {
		List<String> statements = this.recording.get();
		if (statements != null) {
			statements.add(sql);
		}
	}

	@FunctionalInterface
	private interface After {

		Object apply(Method method, Object[] args, Object result) throws Exception;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, After after) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				Class<?> wanted = (Class<?>) args[0];
				if (wanted.isInstance(proxy) && method.getName().equals("unwrap")) {
					return proxy;
				}
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			return after.apply(method, args, result);
		};
		return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

}

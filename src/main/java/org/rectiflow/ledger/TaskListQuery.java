package org.rectiflow.ledger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.task.TaskKind;
import org.rectiflow.task.TaskStatus;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a person asks of the task list (任务清单). Its query string is a contract: people bookmark it and the
 * dashboard links to it with exactly these parameters — {@code category} and {@code problem} (ids), {@code department}
 * (lead department group id), {@code leader} (user id), {@code status} ({@link TaskStatus}), {@code kind}
 * ({@link TaskKind}), {@code overdue=true}, {@code light} ({@code GREEN|YELLOW|RED}), {@code q} (search), {@code sort}
 * ({@code code|deadline|department|leader|status}), {@code dir} ({@code asc|desc}), {@code page} (0-based) and
 * {@code size} (1–100, default 20). A value that cannot be understood is dropped with a {@link ListNotice}, never an error
 * page, and every link the list writes keeps the filters that were understood.
 */
public record TaskListQuery(Long category, Long problem, String department, String leader, TaskStatus status,
		TaskKind kind, boolean overdue, TrafficLight light, String q, Sort sort, boolean descending, int page,
		int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Long enough for any task title people search for; a pasted report is cut here. */
	public static final int MAX_SEARCH_LENGTH = 100;

	/** The orders a person may ask for; anything else in {@code sort} falls back to {@link #CODE}. */
	public enum Sort {

		CODE, DEADLINE, DEPARTMENT, LEADER, STATUS;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Optional<Sort> of(String param) {
			return Arrays.stream(values()).filter((s) -> s.param().equals(param)).findFirst();
		}

	}

	/** The query and what had to be dropped from the request to make it. */
	public record Parsed(TaskListQuery query, List<ListNotice> notices) {
	}

	public static TaskListQuery all() {
		return new TaskListQuery(null, null, null, null, null, null, false, null, null, Sort.CODE, false, 0, DEFAULT_SIZE);
	}

	/**
	 * Reads the request's parameters (first value of each). Category, problem, department and leader must be ones of
	 * this inspection (as the form offers them); anything else is dropped with a notice.
	 */
	public static Parsed parse(Map<String, String> params, LedgerQueries.TaskOptions options) {
		List<ListNotice> notices = new ArrayList<>();
		Reader in = new Reader(params, notices);
		Long category = in.id("category", "ledger.lists.category", options.categories());
		Long problem = in.id("problem", "ledger.problem", options.problems());
		String department = in.option("department", "ledger.leadDepartment", options.departments());
		String leader = in.option("leader", "ledger.leader", options.leaders());
		TaskStatus status = in.constant("status", "ledger.outcome", TaskStatus.class, List.of(TaskStatus.values()));
		TaskKind kind = in.constant("kind", "ledger.lists.kind", TaskKind.class, List.of(TaskKind.values()));
		TrafficLight light = in.constant("light", "ledger.lists.light", TrafficLight.class,
				List.of(TrafficLight.GREEN, TrafficLight.YELLOW, TrafficLight.RED));
		boolean overdue = in.flag("overdue", "ledger.overdue");
		String q = in.search("q");
		Sort sort = in.sort("sort");
		boolean descending = in.descending("dir");
		int size = in.size("size");
		int page = in.page("page");
		return new Parsed(new TaskListQuery(category, problem, department, leader, status, kind, overdue, light, q, sort,
				descending, page, size), List.copyOf(notices));
	}

	public TaskListQuery withPage(int page) {
		return new TaskListQuery(this.category, this.problem, this.department, this.leader, this.status, this.kind,
				this.overdue, this.light, this.q, this.sort, this.descending, page, this.size);
	}

	/** Whether any filter narrows the list (sorting and paging do not). */
	public boolean filtered() {
		return this.category != null || this.problem != null || this.department != null || this.leader != null
				|| this.status != null || this.kind != null || this.overdue || this.light != null || this.q != null;
	}

	/** The query string of this query at another page, e.g. {@code ?status=NOT_COMPLETED&page=2}. */
	public String pageLink(int page) {
		return link(this.sort, this.descending, page);
	}

	/**
	 * The query string that orders by {@code sortParam}: ascending first, descending when the list is already in
	 * ascending order by it; back to the first page, since the rows move.
	 */
	public String sortLink(String sortParam) {
		Sort next = Sort.of(sortParam).orElse(Sort.CODE);
		return link(next, next == this.sort && !this.descending, 0);
	}

	/** "asc" or "desc" when the list is ordered by {@code sortParam}, for the arrow in the column heading. */
	public String sortedBy(String sortParam) {
		return this.sort.param().equals(sortParam) ? (this.descending ? "desc" : "asc") : null;
	}

	private String link(Sort sort, boolean descending, int page) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("category", this.category);
		values.put("problem", this.problem);
		values.put("department", this.department);
		values.put("leader", this.leader);
		values.put("status", this.status);
		values.put("kind", this.kind);
		values.put("overdue", this.overdue ? "true" : null);
		values.put("light", this.light);
		values.put("q", this.q);
		values.put("sort", (sort != Sort.CODE) ? sort.param() : null);
		values.put("dir", descending ? "desc" : null);
		values.put("page", (page > 0) ? page : null);
		values.put("size", (this.size != DEFAULT_SIZE) ? this.size : null);
		StringJoiner query = new StringJoiner("&", "?", "");
		values.forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	/** Reads one parameter at a time, recording a notice for each value it has to drop. */
	static final class Reader {

		private final Map<String, String> params;

		private final List<ListNotice> notices;

		Reader(Map<String, String> params, List<ListNotice> notices) {
			this.params = params;
			this.notices = notices;
		}

		private String value(String name) {
			String value = this.params.get(name);
			return (value == null || value.isBlank()) ? null : value.trim();
		}

		private void ignored(String labelKey, String value) {
			this.notices.add(new ListNotice("ledger.lists.notice.ignored", new DefaultMessageSourceResolvable(labelKey),
					ListNotice.shown(value)));
		}

		Long id(String name, String labelKey, List<LedgerQueries.Option> options) {
			String value = value(name);
			if (value == null) {
				return null;
			}
			if (options.stream().noneMatch((o) -> o.value().equals(value))) {
				ignored(labelKey, value);
				return null;
			}
			return Long.valueOf(value);
		}

		String option(String name, String labelKey, List<LedgerQueries.Option> options) {
			String value = value(name);
			if (value != null && options.stream().noneMatch((o) -> o.value().equals(value))) {
				ignored(labelKey, value);
				return null;
			}
			return value;
		}

		<E extends Enum<E>> E constant(String name, String labelKey, Class<E> type, List<E> allowed) {
			String value = value(name);
			if (value == null) {
				return null;
			}
			Optional<E> found = allowed.stream().filter((e) -> e.name().equalsIgnoreCase(value)).findFirst();
			if (found.isEmpty()) {
				ignored(labelKey, value);
			}
			return found.orElse(null);
		}

		boolean flag(String name, String labelKey) {
			String value = value(name);
			if (value == null || "false".equalsIgnoreCase(value)) {
				return false;
			}
			if ("true".equalsIgnoreCase(value)) {
				return true;
			}
			ignored(labelKey, value);
			return false;
		}

		String search(String name) {
			String value = value(name);
			if (value != null && value.length() > MAX_SEARCH_LENGTH) {
				this.notices.add(new ListNotice("ledger.lists.notice.searchTooLong", MAX_SEARCH_LENGTH));
				return value.substring(0, MAX_SEARCH_LENGTH);
			}
			return value;
		}

		Sort sort(String name) {
			String value = value(name);
			if (value == null) {
				return Sort.CODE;
			}
			Optional<Sort> sort = Sort.of(value.toLowerCase(Locale.ROOT));
			if (sort.isEmpty()) {
				this.notices.add(new ListNotice("ledger.lists.notice.sort", ListNotice.shown(value)));
			}
			return sort.orElse(Sort.CODE);
		}

		boolean descending(String name) {
			String value = value(name);
			if (value == null || "asc".equalsIgnoreCase(value)) {
				return false;
			}
			if ("desc".equalsIgnoreCase(value)) {
				return true;
			}
			ignored("ledger.lists.dir", value);
			return false;
		}

		int size(String name) {
			String value = value(name);
			if (value == null) {
				return DEFAULT_SIZE;
			}
			Integer size = integer(value);
			if (size == null || size < 1 || size > MAX_SIZE) {
				this.notices.add(new ListNotice("ledger.lists.notice.size", ListNotice.shown(value), MAX_SIZE, DEFAULT_SIZE));
				return DEFAULT_SIZE;
			}
			return size;
		}

		int page(String name) {
			String value = value(name);
			if (value == null) {
				return 0;
			}
			Integer page = integer(value);
			if (page == null || page < 0) {
				this.notices.add(new ListNotice("ledger.lists.notice.page", ListNotice.shown(value)));
				return 0;
			}
			return page;
		}

		private static Integer integer(String value) {
			try {
				return Integer.valueOf(value);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}

package org.rectiflow.ledger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectiflow.task.TaskStatus;

/**
 * The problem list's filters ({@code category}, {@code status}, {@code q}), read as the page and its export read
 * them: a value that cannot be understood is dropped with a {@link ListNotice}. The problem list is one row per problem,
 * so it is filtered in memory.
 */
public record ProblemFilter(Long category, TaskStatus status, String q) {

	public static ProblemFilter parse(Map<String, String> params, List<LedgerQueries.Option> categories,
			List<ListNotice> notices) {
		TaskListQuery.Reader in = new TaskListQuery.Reader(params, notices);
		Long category = in.id("category", "ledger.lists.category", categories);
		TaskStatus status = in.constant("status", "ledger.outcome", TaskStatus.class, List.of(TaskStatus.values()));
		String q = in.search("q");
		return new ProblemFilter(category, status, q);
	}

	public boolean filtered() {
		return this.category != null || this.status != null || this.q != null;
	}

	public boolean matches(LedgerQueries.ProblemRow p) {
		String needle = (this.q != null) ? this.q.toLowerCase(Locale.ROOT) : null;
		return (this.category == null || this.category.equals(p.categoryId()))
				&& (this.status == null || this.status == p.outcome())
				&& (needle == null || p.code().toLowerCase(Locale.ROOT).contains(needle)
						|| p.title().toLowerCase(Locale.ROOT).contains(needle));
	}

	/** The filters as a query string ({@code ?status=COMPLETED&q=…}), empty when there are none. */
	public String queryString() {
		StringBuilder query = new StringBuilder();
		append(query, "category", this.category);
		append(query, "status", this.status);
		append(query, "q", this.q);
		return query.toString();
	}

	private static void append(StringBuilder query, String name, Object value) {
		if (value != null) {
			query.append(query.isEmpty() ? '?' : '&')
				.append(name)
				.append('=')
				.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
		}
	}

}

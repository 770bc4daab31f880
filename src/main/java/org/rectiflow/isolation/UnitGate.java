package org.rectiflow.isolation;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.rectiflow.identity.Viewer;
import org.rectiflow.system.RectiflowException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A unit's people never reach another unit's records through our pages and API (issue 18): every request whose
 * address names an inspection, a problem, a rectification task or a piece of evidence ({@code {inspectionId}},
 * {@code {problemId}}, {@code {taskId}}, {@code {evidenceId}}) is answered as if the record did not exist (the same
 * 404 as an unknown id) when the record's inspection belongs to a unit the signed-in person does not see
 * ({@link Viewer#seesUnit}). One indexed lookup by primary key per id in the address, before the controller runs;
 * what the controller then reads is keyed by that id. Lists that are not under one inspection (the inspections, the
 * inbox, the audit page, the work queue) are cut by unit in their own queries.
 * <p>
 * The published progress report ({@code /public/**}) is public by definition and not gated; its controller answers
 * 404 until publication.
 */
class UnitGate implements HandlerInterceptor {

	/** A path variable, the message of its 404 and the query giving its record's unit. */
	private record Guarded(String variable, String notFoundKey, String unitQuery) {
	}

	private static final List<Guarded> GUARDED = List.of(
			new Guarded("inspectionId", "error.inspection.notFound", "select unit_id from inspection where id = ?"),
			new Guarded("problemId", "error.problem.notFound",
					"select i.unit_id from problem p join inspection i on i.id = p.inspection_id where p.id = ?"),
			new Guarded("taskId", "error.task.notFound",
					"select i.unit_id from rectification_task t join inspection i on i.id = t.inspection_id"
							+ " where t.id = ?"),
			new Guarded("evidenceId", "error.evidence.notFound",
					"select i.unit_id from evidence e join rectification_task t on t.id = e.task_id"
							+ " join inspection i on i.id = t.inspection_id where e.id = ?"));

	private final JdbcTemplate jdbc;

	UnitGate(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || request.getRequestURI()
			.substring(request.getContextPath().length())
			.startsWith("/public/")) {
			return true;
		}
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| variables.isEmpty()) {
			return true;
		}
		Viewer viewer = null;
		for (Guarded guarded : GUARDED) {
			Long id = id(variables.get(guarded.variable()));
			if (id == null) {
				continue;
			}
			if (viewer == null) {
				viewer = Viewer.current();
				if (viewer.allUnits()) {
					return true;
				}
			}
			List<String> units = this.jdbc.queryForList(guarded.unitQuery(), String.class, id);
			// An unknown id goes on to the controller, which answers its own 404.
			if (!units.isEmpty() && !viewer.seesUnit(units.get(0))) {
				throw new RectiflowException.NotFound(guarded.notFoundKey(), id);
			}
		}
		return true;
	}

	private static Long id(Object value) {
		if (value instanceof String text && !text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit)) {
			return Long.valueOf(text);
		}
		return null;
	}

}

package org.rectiflow.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.rectiflow.task.TaskKind;

/**
 * The inspection group's feedback as it is registered: categories, numbered problems and, where already known,
 * their detailed tasks. Whatever the plan still lacks (leaders, deadlines) is completed while drafting.
 */
public record Feedback(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 200) String inspectingBody,
		@NotBlank @Size(max = 200) String unitName, LocalDate onSiteFrom, LocalDate onSiteTo,
		@NotNull LocalDate feedbackDate, List<@Size(max = 100) String> documentNumbers,
		@Min(1) @Max(36) int concentratedMonths, @Size(max = 100) String contactLine,
		@NotEmpty List<@Valid Category> categories) {

	public record Category(@NotBlank @Size(max = 500) String title, @NotEmpty List<@Valid ProblemItem> problems) {
	}

	public record ProblemItem(@NotBlank @Size(max = 1000) String title, boolean previousRound,
			List<@Valid TaskItem> tasks) {
	}

	public record TaskItem(@NotBlank @Size(max = 2000) String title, TaskKind kind, String responsibleLeader,
			String leadDepartment, List<String> cooperatingDepartments, @Size(max = 100) String responsiblePerson,
			LocalDate deadline, List<@NotBlank String> measures, boolean nonPublic) {

		public TaskItem withDeadline(LocalDate newDeadline) {
			return new TaskItem(this.title, this.kind, this.responsibleLeader, this.leadDepartment,
					this.cooperatingDepartments, this.responsiblePerson, newDeadline, this.measures, this.nonPublic);
		}

	}

	/**
	 * The categories with every task replaced by what {@code change} makes of it, given the code of its problem
	 * ("1.5"): for copies of a feedback with other deadlines.
	 */
	public List<Category> categoriesWith(BiFunction<String, TaskItem, TaskItem> change) {
		return IntStream.range(0, this.categories.size()).mapToObj((c) -> {
			Category category = this.categories.get(c);
			return new Category(category.title(), IntStream.range(0, category.problems().size())
				.mapToObj((p) -> {
					ProblemItem problem = category.problems().get(p);
					String code = (c + 1) + "." + (p + 1);
					return new ProblemItem(problem.title(), problem.previousRound(),
							problem.tasks().stream().map((t) -> change.apply(code, t)).toList());
				})
				.toList());
		}).toList();
	}

}

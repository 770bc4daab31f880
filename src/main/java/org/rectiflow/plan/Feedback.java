package org.rectiflow.plan;

import java.time.LocalDate;
import java.util.List;

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
	}

}

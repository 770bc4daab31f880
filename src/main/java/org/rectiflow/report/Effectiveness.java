package org.rectiflow.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rectiflow.task.EffectivenessGrade;
import org.rectiflow.task.RectificationTask;

/** The effectiveness evaluations recorded at close-off, as the report to the inspection office writes them. */
final class Effectiveness {

	private Effectiveness() {
	}

	/** "整改成效：较好（评估依据：…）", or nothing when the close-off recorded no evaluation. */
	static String describe(EffectivenessGrade grade, String basis) {
		if (grade == null) {
			return null;
		}
		String why = PublicReportRenderer.oneLine(basis).replaceAll("[；;。，,\\s]+$", "");
		return "整改成效：" + grade.word() + (why.isEmpty() ? "" : "（评估依据：" + why + "）");
	}

	/** Per problem: "整改成效评估：好3项、较好1项，1项未评估", or nothing when no task of it was evaluated. */
	static String rollUp(List<RectificationTask> tasks) {
		Map<EffectivenessGrade, Integer> counts = new EnumMap<>(EffectivenessGrade.class);
		int unevaluated = 0;
		for (RectificationTask t : tasks.stream().filter(Objects::nonNull).toList()) {
			if (t.getEffectivenessGrade() == null) {
				unevaluated++;
			}
			else {
				counts.merge(t.getEffectivenessGrade(), 1, Integer::sum);
			}
		}
		if (counts.isEmpty()) {
			return null;
		}
		StringBuilder s = new StringBuilder("整改成效评估：");
		s.append(String.join("、", counts.entrySet().stream().map((e) -> e.getKey().word() + e.getValue() + "项").toList()));
		if (unevaluated > 0) {
			s.append("，").append(unevaluated).append("项未评估");
		}
		return s.toString();
	}

}

package org.rectiflow.step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step page reads the step's own Camunda Form: its fields, choices and rules. A field added to a form (as the
 * close-off's effectiveness fields will be) is shown, checked and submitted with no code change.
 */
class StepFormTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void theLeadersReviewAsksTheReasonOnlyForAReturn() throws Exception {
		StepForm form = StepForm.parse(JSON.readTree(Files.readString(Path.of("forms/leader-review.form"))));
		assertThat(form.id()).isEqualTo("leaderReviewForm");
		assertThat(form.instructions()).contains("请审核牵头部门报送的整改进展和佐证材料。");
		assertThat(form.fields()).extracting(StepForm.Field::key).containsExactly("leaderDecision", "leaderReason", "effectiveDate");
		assertThat(form.check(Map.of())).extracting(StepForm.Refusal::key).containsExactly("leaderDecision");
		assertThat(form.check(Map.of("leaderDecision", "accept", "leaderReason", ""))).isEmpty();
		assertThat(form.check(Map.of("leaderDecision", "return"))).extracting(StepForm.Refusal::messageKey)
			.containsExactly("error.field.required");
		assertThat(form.check(Map.of("leaderDecision", "maybe"))).extracting(StepForm.Refusal::messageKey)
			.containsExactly("stepPage.error.choose");
		// A reason typed before choosing "accept" is not submitted: the form hides it.
		assertThat(form.variables(Map.of("leaderDecision", "accept", "leaderReason", "草稿"))).containsOnlyKeys("leaderDecision");
		assertThat(form.variables(Map.of("leaderDecision", "return", "leaderReason", " 补充照片 ")))
			.containsEntry("leaderReason", "补充照片");
	}

	@Test
	void aFieldAddedToTheCloseOffFormIsShownCheckedAndSubmitted() throws Exception {
		ObjectNode closeOff = (ObjectNode) JSON.readTree(Files.readString(Path.of("forms/close-off.form")));
		ObjectNode added = ((ArrayNode) closeOff.get("components")).addObject();
		added.put("type", "textarea").put("key", "effectNote").put("label", "整改成效");
		added.putObject("validate").put("required", true).put("minLength", 4);
		StepForm form = StepForm.parse(closeOff);
		assertThat(form.fields()).extracting(StepForm.Field::key).contains("outcome", "closeOffNote", "effectNote");
		assertThat(form.check(Map.of("outcome", "COMPLETED", "effectNote", "好")))
			.extracting(StepForm.Refusal::messageKey)
			.containsExactly("stepPage.error.minLength");
		assertThat(form.variables(Map.of("outcome", "COMPLETED", "effectNote", "投诉下降一半")))
			.containsEntry("effectNote", "投诉下降一半");
	}

	@Test
	void checkboxesDatesAndOtherUnitsChoices() throws Exception {
		StepForm publish = StepForm.parse(JSON.readTree(Files.readString(Path.of("forms/publish-public-report.form"))));
		assertThat(publish.check(Map.of())).extracting(StepForm.Refusal::messageKey).containsExactly("stepPage.error.confirm");
		assertThat(publish.variables(Map.of())).containsEntry("publicReportConfirmed", false);
		StepForm visit = StepForm.parse(JSON.readTree(Files.readString(Path.of("forms/record-on-site-visit.form"))));
		Map<String, String> input = Map.of("visitDepartment", "vcGeneralAffairs", "visitDate", "2026-02-30",
				"visitRecord", "查阅台账");
		assertThat(visit.check(input)).extracting(StepForm.Refusal::key).containsExactly("visitDepartment", "visitDate");
		StepForm ofUnit = visit.withOptions("visitDepartment", List.of(new StepForm.Option("vcGeneralAffairs", "总务处")));
		assertThat(ofUnit.check(input)).extracting(StepForm.Refusal::key).containsExactly("visitDate");
	}

}

package org.rectiflow.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.office.OfficeViews.PlanState;
import org.rectiflow.plan.RectificationProcess;

/** How the office's dashboard names where a unit's plan stands, from the inspection and its waiting steps. */
class PlanStateTests {

	@Test
	void feedbackWithTheGroupComesBeforeAnything() {
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, true, List.of())).isEqualTo(PlanState.WITH_GROUP);
	}

	@Test
	void planningIsNamedByTheStepItWaitsAt() {
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, false, List.of(RectificationProcess.USER_TASK_DRAFT_PLAN)))
			.isEqualTo(PlanState.DRAFTING);
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, false,
				List.of(RectificationProcess.USER_TASK_SOLICIT_OPINIONS, RectificationProcess.USER_TASK_SOLICIT_OPINIONS)))
			.isEqualTo(PlanState.CONSULTING);
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, false,
				List.of(RectificationProcess.USER_TASK_COMMITTEE_APPROVAL))).isEqualTo(PlanState.COMMITTEE);
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, false,
				List.of(RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE))).isEqualTo(PlanState.FILING);
		assertThat(OfficeViews.state(InspectionStatus.PLANNING, false, List.of())).isEqualTo(PlanState.PLANNING);
	}

	@Test
	void laterStatesFollowTheInspection() {
		assertThat(OfficeViews.state(InspectionStatus.RECTIFYING, false, List.of())).isEqualTo(PlanState.RECTIFYING);
		assertThat(OfficeViews.state(InspectionStatus.REPORTING, false, List.of(RectificationProcess.USER_TASK_REVIEW_REPORT)))
			.isEqualTo(PlanState.REVIEW);
		assertThat(OfficeViews.state(InspectionStatus.REPORTING, false,
				List.of(RectificationProcess.USER_TASK_DRAFT_SUMMARY_REPORT))).isEqualTo(PlanState.REPORTING);
		assertThat(OfficeViews.state(InspectionStatus.CLOSED, false, List.of())).isEqualTo(PlanState.CLOSED);
	}

}

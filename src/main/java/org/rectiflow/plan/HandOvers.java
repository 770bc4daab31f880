package org.rectiflow.plan;

import org.rectiflow.identity.Viewer;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.round.InspectingBody;
import org.rectiflow.system.Actors;
import org.rectiflow.system.RectiflowException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of a round's feedback (移交反馈意见) as a person asks for it, from the office's round page or the
 * API: who may (the inspection group of the unit in the round, or the inspection office) is checked before
 * {@link PlanService#handOver} starts the unit's rectification, in one transaction.
 */
@Service
@Transactional
public class HandOvers {

	private final PlanService plans;

	private final InspectingBody inspectingBody;

	HandOvers(PlanService plans, InspectingBody inspectingBody) {
		this.plans = plans;
		this.inspectingBody = inspectingBody;
	}

	/**
	 * 404 for an unknown inspection, 409 (naming nothing of it) for one registered without a round, 403 for anyone not
	 * acting for the group, 409 for feedback already handed over.
	 */
	public Inspection handOver(Long inspectionId) {
		Inspection inspection = this.plans.inspection(inspectionId);
		if (inspection.getRoundId() == null) {
			throw new RectiflowException.Conflict("error.handOver.notWithGroup");
		}
		this.inspectingBody.requireMayActFor(Viewer.current(), inspection.getRoundId(), inspection.getUnitId());
		return this.plans.handOver(inspectionId, Actors.current());
	}

}

package org.rectiflow.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.rectiflow.identity.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectiflow.system.BusinessKey;
import org.rectiflow.system.Messages;
import org.rectiflow.system.ValidatingTaskListener;
import org.springframework.stereotype.Component;

/** {@code userTask_solicitOpinions} complete: keeps each leader's comment on the draft plan. */
@Component("opinionSubmittedListener")
class OpinionSubmittedListener extends ValidatingTaskListener {

	/** The opinions collected so far, as one text, for the forms of the committee's approval and the filing. */
	static final String VAR_PLAN_OPINIONS = "planOpinions";

	private final PlanService plans;

	private final Directory directory;

	OpinionSubmittedListener(Messages messages, PlanService plans, Directory directory) {
		super(messages);
		this.plans = plans;
		this.directory = directory;
	}

	@Override
	protected void onComplete(DelegateTask task) {
		String opinion = required(task, RectificationProcess.VAR_OPINION);
		String leader = (task.getAssignee() != null) ? task.getAssignee() : text(task, RectificationProcess.VAR_LEADER);
		PlanOpinion recorded = this.plans.recordOpinion(BusinessKey.of(task), leader, opinion);
		// Every opinion so far, for the committee's and the office's forms in Tasklist (the portal lists them itself).
		List<PlanOpinion> all = new ArrayList<>(this.plans.opinionsOf(BusinessKey.of(task)));
		if (all.stream().noneMatch((o) -> Objects.equals(o.getId(), recorded.getId()))) {
			all.add(recorded);
		}
		task.getExecution()
			.getProcessInstance()
			.setVariable(VAR_PLAN_OPINIONS, all.stream()
				.map((o) -> this.directory.displayName(o.getLeader()) + "：" + o.getContent())
				.collect(Collectors.joining("；")));
		// Each leader's answer is kept in the domain; the shared variable must not leak into the next leader's form.
		task.getExecution().removeVariable(RectificationProcess.VAR_OPINION);
	}

}

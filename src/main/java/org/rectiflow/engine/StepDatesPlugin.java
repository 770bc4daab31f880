package org.rectiflow.engine;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rectiflow.system.StepClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every user task's completion first establishes when the step took effect (issue 19, recorded history): a built-in
 * {@code complete} listener, added to every user task at parse time, runs before the model's own listeners, whoever
 * completes the step (the portal, Tasklist, the REST API). It asks {@link StepDates} to check and record the date and
 * binds it to the thread ({@link StepClock#bind}) until the command ends, so that what the step's listeners and the
 * delegates after it write is dated by the step's effective day; then it removes the {@value StepClock#VARIABLE}
 * variable, so that a later step given no date does not inherit this one's.
 */
@Component
class StepDatesPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<StepDates> stepDates;

	StepDatesPlugin(ObjectProvider<StepDates> stepDates) {
		this.stepDates = stepDates;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>(
				(configuration.getCustomPostBPMNParseListeners() != null) ? configuration.getCustomPostBPMNParseListeners()
						: List.of());
		TaskListener completing = this::completing;
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completing);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private void completing(DelegateTask task) {
		StepDates dates = this.stepDates.getIfAvailable();
		if (dates == null) {
			return;
		}
		LocalDate day = dates.completing(task);
		task.removeVariable(StepClock.VARIABLE);
		StepClock.bind(day);
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			context.registerCommandContextListener(new CommandContextListener() {
				@Override
				public void onCommandContextClose(CommandContext commandContext) {
					StepClock.release();
				}

				@Override
				public void onCommandFailed(CommandContext commandContext, Throwable t) {
					StepClock.release();
				}
			});
		}
	}

}

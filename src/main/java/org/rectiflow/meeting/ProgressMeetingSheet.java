package org.rectiflow.meeting;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.calendar.TrafficLight;
import org.rectiflow.inspection.InspectionStatus;
import org.rectiflow.task.TaskStatus;

/**
 * The material of a progress meeting (调度会材料) as it stood on one day: every task of an inspection under its
 * responsible leader, because at the meeting each leader answers for their own tasks in turn.
 */
public record ProgressMeetingSheet(Long inspectionId, String title, String unitName, InspectionStatus status, LocalDate date,
		Summary summary, List<LeaderGroup> leaders) {

	/**
	 * The counts a leader (or the whole inspection) is asked about first. Completed and basically completed are the
	 * outcomes of tasks closed off by the sheet's date, counted apart as the ledger and the dashboard count them.
	 */
	public record Summary(int total, int completed, int basicallyCompleted, int overdue, int dueSoon) {

		public static Summary of(List<Item> items) {
			return new Summary(items.size(), closedOffAs(items, TaskStatus.COMPLETED),
					closedOffAs(items, TaskStatus.BASICALLY_COMPLETED),
					(int) items.stream().filter((i) -> i.light() == TrafficLight.RED).count(),
					(int) items.stream().filter((i) -> i.light() == TrafficLight.YELLOW).count());
		}

		private static int closedOffAs(List<Item> items, TaskStatus outcome) {
			return (int) items.stream().filter((i) -> i.completed() && i.status() == outcome).count();
		}

	}

	/** One leader's tasks; {@code leaderId} is null for tasks that name no leader yet. */
	public record LeaderGroup(String leaderId, String leaderName, Summary summary, List<Item> items) {
	}

	/**
	 * One task as it stood on the sheet's date. {@code status} is the outcome as of that date ({@code NOT_COMPLETED}
	 * for a task closed off later); {@code progress} is the last report submitted by then, with the day in China it
	 * came in ({@code progressOn}, null when unknown); {@code measures} are the task's planned measures, shown as what
	 * remains while the task is unfinished.
	 */
	public record Item(Long id, String code, String title, String leadDepartmentName, LocalDate deadline,
			TrafficLight light, TaskStatus status, boolean closedOff, String progress, LocalDate progressOn,
			List<String> evidenceFiles, List<String> measures) {

		/** Closed off with an outcome by the sheet's date (销号): completed or basically completed. */
		public boolean completed() {
			return this.closedOff;
		}

		/** Still to be worked on: not closed off by the sheet's date (long-term tasks keep working too). */
		public boolean unfinished() {
			return !this.closedOff;
		}

		public int evidenceCount() {
			return this.evidenceFiles.size();
		}

	}

}

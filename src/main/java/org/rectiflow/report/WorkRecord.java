package org.rectiflow.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.rectiflow.dates.StepDateQueries;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.plan.PlanOpinion;
import org.rectiflow.plan.PlanService;
import org.rectiflow.plan.RectificationProcess;
import org.rectiflow.plan.RectificationProcessAdapter;
import org.rectiflow.plan.RectificationProcessAdapter.Step;
import org.rectiflow.supervision.CriticismNotice;
import org.rectiflow.supervision.SupervisionRecord;
import org.rectiflow.supervision.SupervisionService;
import org.rectiflow.supervision.SupervisionStage;
import org.springframework.stereotype.Component;

/**
 * How the work was organised, as the reports tell it ("9月8日，学校党委会审议并通过…"): every date comes from what
 * the system recorded — the engine's history of the rectification process (opinion solicitation, committee
 * approval, filing, the committee's review of completion, the report to the inspection office) and our tables
 * (leaders' opinions, supervision records and on-site sign-offs, criticism notices, review opinions, rules). A step
 * that has not happened yet is left out rather than guessed.
 */
@Component
class WorkRecord {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final RectificationProcessAdapter process;

	private final PlanService plans;

	private final SupervisionService supervision;

	private final ReviewOpinionRepository opinions;

	private final InstitutionalRuleRepository rules;

	private final StepDateQueries stepDates;

	WorkRecord(RectificationProcessAdapter process, PlanService plans, SupervisionService supervision,
			ReviewOpinionRepository opinions, InstitutionalRuleRepository rules, StepDateQueries stepDates) {
		this.stepDates = stepDates;
		this.process = process;
		this.plans = plans;
		this.supervision = supervision;
		this.opinions = opinions;
		this.rules = rules;
	}

	/** One subsection of "一、组织落实整改情况": its heading and its paragraphs. */
	record Section(String heading, List<String> paragraphs) {

		/** "（一）科学谋划抓整改" */
		public String numbered(int seq) {
			return "（" + ChineseNumerals.of(seq) + "）" + this.heading;
		}

	}

	List<Section> sections(Inspection inspection, int problemCount, int taskCount) {
		List<Step> history = this.process.history(inspection.getId());
		List<Section> sections = new ArrayList<>();
		List<String> planning = new ArrayList<>();
		planning.add("巡察组反馈意见后，" + inspection.getUnitName() + "照单全收反馈意见，由整改办按问题清单、任务清单、责任清单逐项起草整改落实方案。");
		Long id = inspection.getId();
		Optional<LocalDate> approved = lastDay(id, history, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL,
				reached(history, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE));
		List<PlanOpinion> planOpinions = this.plans.opinionsOf(inspection.getId());
		Optional<LocalDate> solicited = lastDay(id, history, RectificationProcess.USER_TASK_SOLICIT_OPINIONS,
				reached(history, RectificationProcess.USER_TASK_COMMITTEE_APPROVAL));
		solicited.ifPresent((at) -> planning.add(date(at) + "，完成整改落实方案征求意见，"
				+ planOpinions.stream().map(PlanOpinion::getLeader).distinct().count() + "位领导班子成员提出意见"
				+ planOpinions.size() + "条，细化任务分工及整改措施。"));
		approved.ifPresent((at) -> {
			StringBuilder s = new StringBuilder(date(at)).append("，党委会审议并通过整改落实方案，将反馈的").append(problemCount)
				.append("个具体问题细化为").append(taskCount).append("项任务，明确责任领导、责任部门和整改期限");
			lastDay(id, history, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE,
					reached(history, RectificationProcess.SERVICE_TASK_START_RECTIFICATION_TASKS))
				.ifPresent((filed) -> s.append("，并报巡察办备案（").append(date(filed)).append("同意备案），同日下达整改任务"));
			planning.add(s.append("。").toString());
		});
		if (!planning.isEmpty()) {
			sections.add(new Section("科学谋划抓整改", planning));
		}

		List<String> oversight = new ArrayList<>();
		List<SupervisionRecord> records = this.supervision.recordsOf(inspection.getId());
		history.stream()
			.filter((s) -> s.activityId().equals(RectificationProcess.CALL_ACTIVITY_SUPERVISION))
			.findFirst()
			.ifPresent((s) -> {
				long selfChecks = records.stream().filter((r) -> r.getStage() == SupervisionStage.SELF_CHECK).count();
				// The supervision starts as the filing is accepted: on the filing's effective day.
				LocalDate started = lastDay(id, history, RectificationProcess.USER_TASK_FILE_WITH_INSPECTION_OFFICE, true)
					.orElse(day(s.startedAt()));
				oversight.add(date(started) + "，纪委启动巡察反馈问题整改落实专项督查，分自查、现场督查和总结三个阶段对巡察整改工作予以督查"
						+ ((selfChecks > 0) ? "，已有" + selfChecks + "个责任部门报送自查情况" : "") + "。");
			});
		List<LocalDate> visits = records.stream()
			.filter((r) -> r.getStage() == SupervisionStage.ON_SITE && r.getTaskId() == null && r.getVisitDate() != null)
			.map(SupervisionRecord::getVisitDate)
			.distinct()
			.sorted()
			.toList();
		if (!visits.isEmpty()) {
			long departments = records.stream()
				.filter((r) -> r.getStage() == SupervisionStage.ON_SITE && r.getTaskId() == null)
				.map(SupervisionRecord::getDepartment)
				.filter(Objects::nonNull)
				.distinct()
				.count();
			oversight.add("纪委于" + String.join("、", visits.stream().map(WorkRecord::date).toList()) + "对" + departments
					+ "个责任部门开展现场督查。");
		}
		List<SupervisionRecord> signOffs = records.stream()
			.filter((r) -> r.getTaskId() != null && RectificationProcess.ACCEPT.equals(r.getDecision()))
			.toList();
		if (!signOffs.isEmpty()) {
			long returned = records.stream().filter((r) -> r.getTaskId() != null && "return".equals(r.getDecision())).count();
			// A sign-off took effect on the day of its visit, when it gave one (issue 19: a typed date was ignored).
			oversight.add(betweenDays(signOffs.stream()
				.map((r) -> (r.getVisitDate() != null) ? r.getVisitDate() : day(r.getRecordedAt()))
				.toList()) + "，纪委对"
					+ signOffs.stream().map(SupervisionRecord::getTaskId).distinct().count() + "项细化任务开展现场督办并签字确认"
					+ ((returned > 0) ? "，退回整改" + returned + "次" : "") + "，确保整改任务如期完成。");
		}
		List<CriticismNotice> notices = this.supervision.criticismsOf(inspection.getId());
		if (!notices.isEmpty()) {
			oversight.add("对态度不端正、整改措施不力、整改进度缓慢的，印发通报批评" + notices.size() + "份，涉及"
					+ notices.stream().map(CriticismNotice::getTargetDepartment).filter(Objects::nonNull).distinct().count()
					+ "个部门，并作为部门考核、干部考核评价的重要参考。");
		}
		if (!oversight.isEmpty()) {
			sections.add(new Section("跟进督办抓整改", oversight));
		}

		List<String> review = new ArrayList<>();
		lastDay(id, history, RectificationProcess.USER_TASK_REVIEW_COMPLETION,
				reached(history, RectificationProcess.SERVICE_TASK_REPORT_TO_INSPECTION_OFFICE))
			.ifPresent((at) -> review.add(date(at) + "，党委会专题研究巡察整改任务完成情况，审议通过整改情况报告，并报送巡察办。"));
		this.opinions.findByInspectionIdOrderByReviewedAtAsc(inspection.getId())
			.forEach((o) -> review.add(date(o.getReviewedAt()) + "，巡察办对整改情况报告提出审核意见"
					+ (RectificationProcess.REOPEN.equals(o.getDecision())
							? "，要求对" + o.getReopenedTaskCodes() + "等细化任务重新整改，已重新下达整改任务。" : "，同意整改情况报告。")));
		if (!review.isEmpty()) {
			sections.add(new Section("对标审核抓整改", review));
		}

		List<InstitutionalRule> ruleList = this.rules.findByInspectionIdOrderByIdAsc(inspection.getId());
		if (!ruleList.isEmpty()) {
			sections.add(new Section("标本兼治抓整改", List.of("坚持阶段性与长期性相结合，个性问题立整立改，共性问题加强制度建设。巡察整改期间，共制定或修订了《"
					+ ruleList.get(0).getTitle() + "》等" + ruleList.size() + "项制度。")));
		}
		return sections;
	}

	/**
	 * The day the last completed run of a step took effect (its effective date, issue 19), if the process went on
	 * past it; a step completed before effective dates were kept: the day it ended in the engine.
	 */
	private Optional<LocalDate> lastDay(Long inspectionId, List<Step> history, String activityId, boolean wentOn) {
		if (!wentOn) {
			return Optional.empty();
		}
		Optional<LocalDate> effective = this.stepDates.last(inspectionId, activityId);
		return effective.isPresent() ? effective : lastEnd(history, activityId, true).map(WorkRecord::day);
	}

	/** When the last completed run of a step ended, if the process went on past it to {@code next}. */
	private static Optional<Instant> lastEnd(List<Step> history, String activityId, boolean wentOn) {
		if (!wentOn) {
			return Optional.empty();
		}
		return history.stream()
			.filter((s) -> s.activityId().equals(activityId) && s.endedAt() != null)
			.map(Step::endedAt)
			.max(Instant::compareTo);
	}

	private static boolean reached(List<Step> history, String activityId) {
		return history.stream().anyMatch((s) -> s.activityId().equals(activityId));
	}

	private static String betweenDays(List<LocalDate> days) {
		LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
		LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
		return first.equals(last) ? date(first) : date(first) + "至" + date(last);
	}

	static LocalDate day(Instant instant) {
		return instant.atZone(CHINA).toLocalDate();
	}

	static String date(Instant instant) {
		return date(day(instant));
	}

	static String date(LocalDate date) {
		return (date == null) ? "" : date.format(CHINESE_DATE);
	}

}

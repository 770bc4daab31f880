package org.rectiflow.commonproblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.Variables;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.identity.Directory;
import org.rectiflow.identity.Groups;
import org.rectiflow.inspection.Inspection;
import org.rectiflow.inspection.InspectionRepository;
import org.rectiflow.inspection.Problem;
import org.rectiflow.inspection.ProblemRepository;
import org.rectiflow.notification.Notice;
import org.rectiflow.notification.Notifications;
import org.rectiflow.system.RectiflowException;
import org.rectiflow.unit.Unit;
import org.rectiflow.unit.Units;
import org.rectiflow.inspection.TypedDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Common-problem notices (举一反三) through their life: the inspection office sends one to chosen units, each unit's
 * rectification office answers with its self-check (自查自纠), the office accepts or returns each answer. Who may do
 * what is checked here, before anything is stored: only the inspection office sends and reviews, and only for units
 * it oversees; a unit's rectification office sees and answers only its own unit's notices. Anyone else is told the
 * notice does not exist.
 */
@Service
@Transactional
public class CommonProblemService {

	static final int MAX_TITLE = 200;

	static final Set<String> SAME_PROBLEM_VALUES = Set.of("yes", "partly", "no");

	private final CommonProblemNoticeRepository notices;

	private final CommonProblemAnswerRepository answers;

	private final CommonProblemNoticeProcessAdapter process;

	private final ProblemRepository problems;

	private final InspectionRepository inspections;

	private final Units units;

	private final Directory directory;

	private final Notifications notifications;

	private final Clock clock;

	private final TypedDates typedDates;

	CommonProblemService(CommonProblemNoticeRepository notices, CommonProblemAnswerRepository answers,
			CommonProblemNoticeProcessAdapter process, ProblemRepository problems, InspectionRepository inspections,
			Units units, Directory directory, Notifications notifications, Clock clock, TypedDates typedDates) {
		this.typedDates = typedDates;
		this.notices = notices;
		this.answers = answers;
		this.process = process;
		this.problems = problems;
		this.inspections = inspections;
		this.units = units;
		this.directory = directory;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** What the office fills in to send a notice; the problem is picked ({@code problemId}) or written. */
	public record Draft(String title, Long problemId, String problemText, String requirement, Collection<String> unitIds,
			String deadline) {
	}

	/** A notice with its answers and the names of the units, as the pages show it. */
	public record NoticeView(CommonProblemNotice notice, String sourceUnitName, List<AnswerView> answers) {

		public long answered() {
			return this.answers.stream().filter((a) -> a.answer().getStatus() != AnswerStatus.WAITING).count();
		}

		public long overdue() {
			return this.answers.stream()
				.filter((a) -> a.answer().getStatus() == AnswerStatus.WAITING && a.answer().isOverdue())
				.count();
		}

	}

	/** One unit's answer with the unit's name and the names of who answered and reviewed. */
	public record AnswerView(CommonProblemAnswer answer, String unitName, String answeredByName, String reviewedByName) {
	}

	/** Whether the person is of the inspection office (sends notices, reviews answers, sees them all). */
	public boolean isOffice(String userId) {
		return this.directory.isMember(userId, Groups.INSPECTION_OFFICE);
	}

	/** The units the office may send a notice to: those it oversees (is a member of). */
	@Transactional(readOnly = true)
	public List<Unit> unitsOf(String userId) {
		return this.units.visibleTo(userId);
	}

	/** A problem of an inspection the office picked as the notice's source, with its unit's name. */
	public record Source(Problem problem, String unitName) {
	}

	/**
	 * The problem the office picked, if it is one of an inspection of a unit the office oversees: the send form shows
	 * where it was found and starts from its text.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Source> source(Long problemId, String userId) {
		if (problemId == null || !isOffice(userId)) {
			return java.util.Optional.empty();
		}
		List<String> visible = this.units.tenantIds(userId);
		return this.problems.findById(problemId).flatMap((problem) -> this.inspections.findById(problem.getInspectionId())
			.filter((inspection) -> visible.contains(inspection.getUnitId()))
			.map((inspection) -> new Source(problem, this.units.find(inspection.getUnitId())
				.map(Unit::getName)
				.orElse(inspection.getUnitName()))));
	}

	/**
	 * Sends the notice: one answer and one process instance per unit, each in its unit's tenant, and a notice to each
	 * unit's rectification office. All of it or nothing.
	 */
	public CommonProblemNotice send(Draft draft, String userId) {
		if (!isOffice(userId)) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		String title = (draft.title() == null) ? "" : draft.title().trim();
		if (title.isEmpty()) {
			throw new RectiflowException("error.commonProblem.titleRequired");
		}
		if (title.length() > MAX_TITLE) {
			throw new RectiflowException("error.commonProblem.titleTooLong", MAX_TITLE);
		}
		List<String> visible = this.units.tenantIds(userId);
		String sourceUnitId = null;
		String problemText = (draft.problemText() == null) ? "" : draft.problemText().trim();
		if (draft.problemId() != null) {
			Problem problem = this.problems.findById(draft.problemId())
				.orElseThrow(() -> new RectiflowException("error.commonProblem.problemUnknown", draft.problemId()));
			Inspection inspection = this.inspections.findById(problem.getInspectionId()).orElseThrow();
			if (!visible.contains(inspection.getUnitId())) {
				throw new RectiflowException("error.commonProblem.problemUnknown", draft.problemId());
			}
			sourceUnitId = inspection.getUnitId();
			if (problemText.isEmpty()) {
				problemText = problem.getTitle();
			}
		}
		if (problemText.isEmpty()) {
			throw new RectiflowException("error.commonProblem.problemRequired");
		}
		LocalDate deadline = deadline(draft.deadline());
		Set<String> unitIds = new LinkedHashSet<>();
		if (draft.unitIds() != null) {
			draft.unitIds().stream().filter((u) -> u != null && !u.isBlank()).map(String::trim).forEach(unitIds::add);
		}
		if (unitIds.isEmpty()) {
			throw new RectiflowException("error.commonProblem.unitsRequired");
		}
		Map<String, Unit> byId = this.units.visibleTo(userId)
			.stream()
			.collect(Collectors.toMap(Unit::getId, Function.identity()));
		for (String unitId : unitIds) {
			if (!byId.containsKey(unitId)) {
				throw new RectiflowException("error.commonProblem.unitUnknown", unitId);
			}
			if (unitId.equals(sourceUnitId)) {
				throw new RectiflowException("error.commonProblem.sourceUnit", byId.get(unitId).getName());
			}
		}
		String requirement = (draft.requirement() == null) ? "" : draft.requirement().trim();
		CommonProblemNotice notice = this.notices.save(new CommonProblemNotice(title, problemText, requirement,
				sourceUnitId, draft.problemId(), deadline, userId, this.clock.instant()));
		Date dueAt = Date.from(deadline.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant().minusSeconds(1));
		for (String unitId : unitIds) {
			Unit unit = byId.get(unitId);
			CommonProblemAnswer answer = this.answers.save(new CommonProblemAnswer(notice.getId(), unitId));
			this.process.start(answer.getId(), Variables.createVariables()
				.putValue(CommonProblemNoticeProcess.VAR_UNIT_ID, unitId)
				.putValue(CommonProblemNoticeProcess.VAR_UNIT_NAME, unit.getName())
				.putValue(CommonProblemNoticeProcess.VAR_NOTICE_ID, notice.getId())
				.putValue(CommonProblemNoticeProcess.VAR_NOTICE_TITLE, title)
				.putValue(CommonProblemNoticeProcess.VAR_PROBLEM_TEXT, problemText)
				.putValue(CommonProblemNoticeProcess.VAR_REQUIREMENT, requirement)
				.putValue(CommonProblemNoticeProcess.VAR_DEADLINE, deadline.toString())
				.putValue(CommonProblemNoticeProcess.VAR_DUE_AT, dueAt)
				.putValue(CommonProblemNoticeProcess.VAR_ANSWER_RETURN_REASON, ""));
			tellUnit(answer, "【举一反三】" + title, "巡察办通报了其他单位发现的问题，请对照开展自查自纠，于 " + deadline
					+ " 前报送自查情况。\n问题：" + problemText, Notice.Kind.REMINDER);
		}
		return notice;
	}

	private LocalDate deadline(String text) {
		if (text == null || text.isBlank()) {
			throw new RectiflowException("error.commonProblem.deadlineRequired");
		}
		LocalDate deadline;
		try {
			deadline = LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new RectiflowException("error.field.date", text);
		}
		if (deadline.isBefore(LocalDate.now(this.clock.withZone(WorkingDays.ZONE)))) {
			throw new RectiflowException("error.commonProblem.deadlinePast", deadline.toString());
		}
		return this.typedDates.plausible(deadline, "date.field.noticeDeadline");
	}

	/** {@code userTask_answerSelfCheck} completed: the unit's answer is kept and waits for the office's review. */
	public void recordAnswer(Long answerId, String sameProblem, String finding, String measures, String by) {
		if (!SAME_PROBLEM_VALUES.contains(sameProblem)) {
			throw new RectiflowException("error.decision.invalid", sameProblem, String.join(" / ", SAME_PROBLEM_VALUES));
		}
		answer(answerId).answer(sameProblem, finding, measures, by, this.clock.instant());
	}

	/** {@code userTask_reviewAnswer} completed: accepted, or returned with the reason, which the unit is told. */
	public void recordReview(Long answerId, String decision, String reason, String by) {
		CommonProblemAnswer answer = answer(answerId);
		if (CommonProblemNoticeProcess.RETURN.equals(decision)) {
			answer.sendBack(reason, by, this.clock.instant());
			CommonProblemNotice notice = this.notices.findById(answer.getNoticeId()).orElseThrow();
			tellUnit(answer, "【举一反三】自查情况被退回：" + notice.getTitle(), "巡察办退回了本单位的自查自纠情况，请补充后重新报送。\n退回意见："
					+ reason, Notice.Kind.RETURNED);
		}
		else {
			answer.accept(by, this.clock.instant());
		}
	}

	/**
	 * The deadline passed without an answer: marked overdue (it stays open); the unit's office and the sender are
	 * told once, even when a returned answer passes the deadline again.
	 */
	public void markOverdue(Long answerId) {
		CommonProblemAnswer answer = answer(answerId);
		if (answer.getStatus() != AnswerStatus.WAITING || !answer.markOverdue()) {
			return;
		}
		CommonProblemNotice notice = this.notices.findById(answer.getNoticeId()).orElseThrow();
		String unitName = this.units.find(answer.getUnitId()).map(Unit::getName).orElse(answer.getUnitId());
		List<String> people = new ArrayList<>(this.process.rectificationOfficeOf(answer.getUnitId()));
		people.add(notice.getSentBy());
		this.notifications.send(Notice.of(Notice.Kind.ESCALATION, "【举一反三】" + unitName + "自查情况逾期未报：" + notice.getTitle(),
				unitName + "未在 " + notice.getDeadline() + " 前报送自查自纠情况，请尽快报送。", link(answer), people));
	}

	private void tellUnit(CommonProblemAnswer answer, String subject, String body, Notice.Kind kind) {
		this.notifications.send(Notice.of(kind, subject, body, link(answer),
				this.process.rectificationOfficeOf(answer.getUnitId())));
	}

	private static String link(CommonProblemAnswer answer) {
		return "/common-problems/answers/" + answer.getId();
	}

	private CommonProblemAnswer answer(Long answerId) {
		return this.answers.findById(answerId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.commonProblem.notFound", answerId));
	}

	/** The unit's rectification office answers with its self-check, through the process (the engine checks too). */
	public void answerAs(Long answerId, String sameProblem, String finding, String measures, String userId) {
		CommonProblemAnswer answer = visibleAnswer(answerId, userId);
		if (!mayAnswer(answer, userId)) {
			if (isUnitOffice(answer.getUnitId(), userId)) {
				// Answered already: by this person, a retry says when; by a colleague, it is no longer theirs to do.
				this.process.refuseIfDoneBy(answerId, CommonProblemNoticeProcess.USER_TASK_ANSWER_SELF_CHECK, userId);
			}
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(CommonProblemNoticeProcess.VAR_SAME_PROBLEM, (sameProblem == null) ? "" : sameProblem);
		variables.put(CommonProblemNoticeProcess.VAR_SELF_CHECK_FINDING, (finding == null) ? "" : finding.trim());
		variables.put(CommonProblemNoticeProcess.VAR_SELF_CHECK_MEASURES, (measures == null) ? "" : measures.trim());
		this.process.complete(answerId, CommonProblemNoticeProcess.USER_TASK_ANSWER_SELF_CHECK, userId,
				this.directory.groupIds(userId), variables);
	}

	/** The inspection office accepts or returns a unit's answer, through the process. */
	public void reviewAs(Long answerId, String decision, String reason, String userId) {
		CommonProblemAnswer answer = visibleAnswer(answerId, userId);
		if (!isOffice(userId)) {
			throw new RectiflowException.Forbidden("error.request.forbidden");
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(CommonProblemNoticeProcess.VAR_ANSWER_DECISION, (decision == null) ? "" : decision);
		variables.put(CommonProblemNoticeProcess.VAR_ANSWER_RETURN_REASON, (reason == null) ? "" : reason.trim());
		this.process.complete(answer.getId(), CommonProblemNoticeProcess.USER_TASK_REVIEW_ANSWER, userId,
				this.directory.groupIds(userId), variables);
	}

	/** A member of the unit's rectification office, while the unit's answer is due. */
	public boolean mayAnswer(CommonProblemAnswer answer, String userId) {
		return answer.getStatus() == AnswerStatus.WAITING && isUnitOffice(answer.getUnitId(), userId);
	}

	private boolean isUnitOffice(String unitId, String userId) {
		return this.directory.isMember(userId, Groups.RECTIFICATION_OFFICE)
				&& this.units.tenantIds(userId).contains(unitId);
	}

	/**
	 * The answer, if the person may see it: the inspection office for a unit it oversees, the unit's rectification
	 * office for its own unit. Anyone else: not found, so that guessing ids tells nothing.
	 */
	@Transactional(readOnly = true)
	public CommonProblemAnswer visibleAnswer(Long answerId, String userId) {
		CommonProblemAnswer answer = this.answers.findById(answerId).orElse(null);
		if (answer == null || !maySee(answer.getUnitId(), userId)) {
			throw new RectiflowException.NotFound("error.commonProblem.notFound", answerId);
		}
		return answer;
	}

	private boolean maySee(String unitId, String userId) {
		return (isOffice(userId) && this.units.tenantIds(userId).contains(unitId)) || isUnitOffice(unitId, userId);
	}

	@Transactional(readOnly = true)
	public CommonProblemNotice notice(Long noticeId) {
		return this.notices.findById(noticeId)
			.orElseThrow(() -> new RectiflowException.NotFound("error.commonProblem.notFound", noticeId));
	}

	/**
	 * The notices the person sees, newest first, each with the answers they may see: the office every notice with
	 * the answers of the units it oversees, a unit's rectification office the notices sent to its unit with only its
	 * unit's answer.
	 */
	@Transactional(readOnly = true)
	public List<NoticeView> noticesFor(String userId) {
		List<String> tenants = this.units.tenantIds(userId);
		boolean office = isOffice(userId);
		if (tenants.isEmpty() || (!office && !this.directory.isMember(userId, Groups.RECTIFICATION_OFFICE))) {
			return List.of();
		}
		List<CommonProblemNotice> list;
		List<CommonProblemAnswer> visible;
		if (office) {
			list = this.notices.findAllNewestFirst();
			visible = list.isEmpty() ? List.of()
					: this.answers.findByNoticeIdIn(list.stream().map(CommonProblemNotice::getId).toList())
						.stream()
						.filter((a) -> tenants.contains(a.getUnitId()))
						.toList();
		}
		else {
			visible = this.answers.findByUnitIdIn(tenants);
			list = visible.isEmpty() ? List.of()
					: this.notices.findByIdIn(visible.stream().map(CommonProblemAnswer::getNoticeId).distinct().toList());
		}
		Map<Long, List<CommonProblemAnswer>> byNotice = visible.stream()
			.collect(Collectors.groupingBy(CommonProblemAnswer::getNoticeId));
		Map<String, String> unitNames = unitNames();
		Map<String, String> people = names(visible);
		return list.stream()
			.map((n) -> view(n, byNotice.getOrDefault(n.getId(), List.of()), unitNames, people))
			.toList();
	}

	/**
	 * One notice as the person sees it (as in {@link #noticesFor}), read with two queries whatever the number of
	 * units; not found for those who see none of it.
	 */
	@Transactional(readOnly = true)
	public NoticeView noticeFor(Long noticeId, String userId) {
		CommonProblemNotice notice = this.notices.findById(noticeId).orElse(null);
		List<String> tenants = this.units.tenantIds(userId);
		boolean office = isOffice(userId);
		boolean unitOffice = this.directory.isMember(userId, Groups.RECTIFICATION_OFFICE);
		if (notice == null || (!office && !unitOffice)) {
			throw new RectiflowException.NotFound("error.commonProblem.notFound", noticeId);
		}
		List<CommonProblemAnswer> visible = this.answers.findByNoticeId(noticeId)
			.stream()
			.filter((a) -> tenants.contains(a.getUnitId()))
			.toList();
		if (!office && visible.isEmpty()) {
			throw new RectiflowException.NotFound("error.commonProblem.notFound", noticeId);
		}
		return view(notice, visible, unitNames(), names(visible));
	}

	private static NoticeView view(CommonProblemNotice notice, List<CommonProblemAnswer> answers,
			Map<String, String> unitNames, Map<String, String> people) {
		return new NoticeView(notice, unitNames.get(notice.getSourceUnitId()), answers.stream()
			.map((a) -> new AnswerView(a, unitNames.getOrDefault(a.getUnitId(), a.getUnitId()),
					people.get(a.getAnsweredBy()), people.get(a.getReviewedBy())))
			.toList());
	}

	private Map<String, String> names(List<CommonProblemAnswer> answers) {
		return this.directory.displayNames(answers.stream()
			.flatMap((a) -> java.util.stream.Stream.of(a.getAnsweredBy(), a.getReviewedBy()))
			.filter((u) -> u != null)
			.distinct()
			.toList());
	}

	/** The step the answer's instance waits at, if any. */
	@Transactional(readOnly = true)
	public String currentStep(Long answerId) {
		return this.process.currentStep(answerId).orElse(null);
	}

	private Map<String, String> unitNames() {
		return this.units.all().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
	}

}

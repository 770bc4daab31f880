package org.rectiflow.commonproblem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.exception.NotValidException;
import org.rectiflow.calendar.WorkingDays;
import org.rectiflow.system.Actors;
import org.rectiflow.system.Messages;
import org.rectiflow.system.RectiflowException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The common-problem notice pages (举一反三, {@code /common-problems}): the inspection office sends notices and sees
 * per notice who answered what and who has not, and reviews each answer; a unit's rectification office sees the
 * notices sent to its unit and answers with its self-check. Nobody else has these pages; within them, what a person
 * may see and do is {@link CommonProblemService}'s business.
 */
@Controller
@PreAuthorize("hasAnyAuthority('GROUP_inspectionOffice', 'GROUP_rectificationOffice')")
class CommonProblemController {

	private final CommonProblemService service;

	private final Messages messages;

	private final Clock clock;

	CommonProblemController(CommonProblemService service, Messages messages, Clock clock) {
		this.service = service;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/common-problems")
	String notices(Model model) {
		String user = Actors.current();
		model.addAttribute("notices", this.service.noticesFor(user));
		model.addAttribute("office", this.service.isOffice(user));
		return "commonproblem/notices";
	}

	@GetMapping("/common-problems/new")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String initSendForm(@RequestParam(name = "problemId", required = false) Long problemId, Model model) {
		String user = Actors.current();
		CommonProblemService.Source source = this.service.source(problemId, user).orElse(null);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new SendForm(null, problemId,
					(source != null) ? source.problem().getTitle() : null, null, List.of(), null));
		}
		model.addAttribute("source", source);
		model.addAttribute("units", this.service.unitsOf(user));
		model.addAttribute("today", LocalDate.now(this.clock.withZone(WorkingDays.ZONE)));
		return "commonproblem/send";
	}

	/** The send form as posted, kept to show it again with the reason when it is refused. */
	record SendForm(String title, Long problemId, String problemText, String requirement, List<String> unitIds,
			String deadline) {
	}

	@PostMapping("/common-problems")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String processSendForm(@RequestParam(name = "title", required = false) String title,
			@RequestParam(name = "problemId", required = false) Long problemId,
			@RequestParam(name = "problemText", required = false) String problemText,
			@RequestParam(name = "requirement", required = false) String requirement,
			@RequestParam(name = "unitIds", required = false) List<String> unitIds,
			@RequestParam(name = "deadline", required = false) String deadline, RedirectAttributes redirect) {
		List<String> units = (unitIds == null) ? List.of() : unitIds;
		try {
			CommonProblemNotice notice = this.service.send(
					new CommonProblemService.Draft(title, problemId, problemText, requirement, units, deadline),
					Actors.current());
			redirect.addFlashAttribute("message", this.messages.get("commonProblem.sent"));
			return "redirect:/common-problems/" + notice.getId();
		}
		catch (RectiflowException ex) {
			if (ex instanceof RectiflowException.Forbidden) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
			redirect.addFlashAttribute("form", new SendForm(title, problemId, problemText, requirement, units, deadline));
			return "redirect:/common-problems/new";
		}
	}

	@GetMapping("/common-problems/{noticeId}")
	String notice(@PathVariable Long noticeId, Model model) {
		String user = Actors.current();
		model.addAttribute("view", this.service.noticeFor(noticeId, user));
		model.addAttribute("office", this.service.isOffice(user));
		return "commonproblem/notice";
	}

	@GetMapping("/common-problems/answers/{answerId}")
	String answer(@PathVariable Long answerId, Model model) {
		String user = Actors.current();
		CommonProblemAnswer answer = this.service.visibleAnswer(answerId, user);
		String step = this.service.currentStep(answerId);
		model.addAttribute("answer", answer);
		model.addAttribute("view", this.service.noticeFor(answer.getNoticeId(), user));
		model.addAttribute("mayAnswer", this.service.mayAnswer(answer, user)
				&& CommonProblemNoticeProcess.USER_TASK_ANSWER_SELF_CHECK.equals(step));
		model.addAttribute("mayReview", this.service.isOffice(user)
				&& CommonProblemNoticeProcess.USER_TASK_REVIEW_ANSWER.equals(step));
		return "commonproblem/answer";
	}

	@PostMapping("/common-problems/answers/{answerId}")
	String processAnswerForm(@PathVariable Long answerId,
			@RequestParam(name = "sameProblem", required = false) String sameProblem,
			@RequestParam(name = "selfCheckFinding", required = false) String finding,
			@RequestParam(name = "selfCheckMeasures", required = false) String measures, RedirectAttributes redirect) {
		try {
			this.service.answerAs(answerId, sameProblem, finding, measures, Actors.current());
			redirect.addFlashAttribute("message", this.messages.get("commonProblem.answered"));
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
		}
		catch (RectiflowException | NotValidException ex) {
			if (ex instanceof RectiflowException.NotFound || ex instanceof RectiflowException.Forbidden) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
			redirect.addFlashAttribute("sameProblem", sameProblem);
			redirect.addFlashAttribute("selfCheckFinding", finding);
			redirect.addFlashAttribute("selfCheckMeasures", measures);
		}
		return "redirect:/common-problems/answers/" + answerId;
	}

	@PostMapping("/common-problems/answers/{answerId}/review")
	@PreAuthorize("hasAuthority('GROUP_inspectionOffice')")
	String processReviewForm(@PathVariable Long answerId,
			@RequestParam(name = "answerDecision", required = false) String decision,
			@RequestParam(name = "answerReturnReason", required = false) String reason, RedirectAttributes redirect) {
		try {
			this.service.reviewAs(answerId, decision, reason, Actors.current());
			redirect.addFlashAttribute("message", this.messages.get(CommonProblemNoticeProcess.RETURN.equals(decision)
					? "commonProblem.returned" : "commonProblem.accepted"));
		}
		catch (RectiflowException.AlreadyDone done) {
			redirect.addFlashAttribute("message", this.messages.get(done));
		}
		catch (RectiflowException | NotValidException ex) {
			if (ex instanceof RectiflowException.NotFound || ex instanceof RectiflowException.Forbidden) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.refusal(ex));
		}
		return "redirect:/common-problems/answers/" + answerId;
	}

}

package org.rectiflow.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the size limits fails before any controller is chosen, so the advice bound to our controllers never
 * sees it. This one answers it for every path: a problem for the API, our error page with the limits for people.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadLimitAdvice {

	private final Messages messages;

	UploadLimitAdvice(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		String detail = this.messages.get("error.upload.tooLarge");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
			problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("status", 413);
		page.addObject("detail", detail);
		return page;
	}

}

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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the size limits fails before any controller is chosen, so the advice bound to our controllers never
 * sees it, nor a request the container cannot parse. This one answers them for every path: a problem for the API, our error page with the limits for people.
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
		return answer(HttpStatus.PAYLOAD_TOO_LARGE, this.messages.get("error.upload.tooLarge"), request);
	}

	/**
	 * A multipart request the container cannot parse, e.g. a NUL byte in a file name (Tomcat's
	 * {@code InvalidFileNameException}): the caller's mistake, 400 with a sentence instead of a 500.
	 */
	@ExceptionHandler(MultipartException.class)
	Object unreadable(MultipartException ex, HttpServletRequest request) {
		return answer(HttpStatus.BAD_REQUEST, this.messages.get("error.upload.unreadable"), request);
	}

	private static Object answer(HttpStatus status, String detail, HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}

}

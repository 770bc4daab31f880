package org.rectiflow.system;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns every error of our JSON API into an RFC 9457 problem with a message in the caller's language. Nothing the
 * caller did wrong ends as a 500.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private final Messages messages;

	ApiExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RectiflowException.class)
	ProblemDetail rectiflow(RectiflowException ex) {
		HttpStatus status = (ex instanceof RectiflowException.NotFound) ? HttpStatus.NOT_FOUND
				: (ex instanceof RectiflowException.Conflict) ? HttpStatus.CONFLICT
				: (ex instanceof RectiflowException.Forbidden) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
		return problem(status, this.messages.get(ex));
	}

	/** Asked again for what the caller did already: 200 and what happened, not a refusal. */
	@ExceptionHandler(RectiflowException.AlreadyDone.class)
	Map<String, String> alreadyDone(RectiflowException.AlreadyDone done) {
		return Map.of("status", "alreadyDone", "message", this.messages.get(done));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> e.getField() + "：" + e.getDefaultMessage())
			.collect(Collectors.joining("；"));
		return problem(HttpStatus.BAD_REQUEST, this.messages.get("error.request.invalid", fields));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalid(HandlerMethodValidationException ex) {
		return problem(HttpStatus.BAD_REQUEST, this.messages.get("error.request.invalid", ex.getMessage()));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	ProblemDetail unreadable(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, this.messages.get("error.request.unreadable"));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail concurrent(ObjectOptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, this.messages.get("error.request.concurrent"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, this.messages.get("error.request.forbidden"));
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}

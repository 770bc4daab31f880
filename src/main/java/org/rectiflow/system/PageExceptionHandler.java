package org.rectiflow.system;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Pages answer a broken rule or a malformed request with our error page and the reason, in the person's language. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private final Messages messages;

	PageExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RectiflowException.class)
	String rectiflow(RectiflowException ex, Model model, HttpServletResponse response) {
		int status = (ex instanceof RectiflowException.NotFound) ? 404 : (ex instanceof RectiflowException.Conflict) ? 409
				: (ex instanceof RectiflowException.Forbidden) ? 403 : 400;
		return page(status, this.messages.get(ex), model, response);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			MissingServletRequestPartException.class })
	String malformed(Exception ex, Model model, HttpServletResponse response) {
		return page(400, this.messages.get("error.request.unreadable"), model, response);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	String concurrent(ObjectOptimisticLockingFailureException ex, Model model, HttpServletResponse response) {
		return page(409, this.messages.get("error.request.concurrent"), model, response);
	}

	private static String page(int status, String detail, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		return "error";
	}

}

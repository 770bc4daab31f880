package org.rectiflow.system;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer a broken rule with our error page and the reason, in the person's language. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private final Messages messages;

	PageExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RectiflowException.class)
	String rectiflow(RectiflowException ex, Model model, HttpServletResponse response) {
		int status = (ex instanceof RectiflowException.NotFound) ? 404 : (ex instanceof RectiflowException.Conflict) ? 409 : 400;
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", this.messages.get(ex));
		return "error";
	}

}

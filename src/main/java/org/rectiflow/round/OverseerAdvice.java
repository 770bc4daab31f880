package org.rectiflow.round;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether every page's top bar shows the link to the inspecting body's pages ({@code overseer}): for the inspection
 * office and the inspection groups' members only. Asked lazily, so pages tested without a database (web slices) and a
 * failing question simply show no link rather than no page.
 */
@ControllerAdvice(annotations = Controller.class)
class OverseerAdvice {

	private static final Logger log = LoggerFactory.getLogger(OverseerAdvice.class);

	private final ObjectProvider<InspectingBody> inspectingBody;

	OverseerAdvice(ObjectProvider<InspectingBody> inspectingBody) {
		this.inspectingBody = inspectingBody;
	}

	@ModelAttribute("overseer")
	boolean overseer() {
		InspectingBody body = this.inspectingBody.getIfAvailable();
		if (body == null) {
			return false;
		}
		try {
			return body.isOverseer();
		}
		catch (RuntimeException ex) {
			log.debug("Could not tell whether the person oversees units", ex);
			return false;
		}
	}

}

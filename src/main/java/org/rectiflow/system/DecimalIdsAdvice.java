package org.rectiflow.system;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and parameters are decimal numbers. Spring falls back to reading {@code 0x10} or {@code #10} as 16
 * when its conversion refuses them, so a hex spelling opened record 16 under another name: for every controller, a
 * {@code Long} is an optional minus and digits, anything else is a 400 like any other unreadable id.
 */
@ControllerAdvice
class DecimalIdsAdvice {

	@InitBinder
	void decimalIds(WebDataBinder binder) {
		binder.registerCustomEditor(Long.class, new DecimalEditor());
	}

	static final class DecimalEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			String trimmed = (text == null) ? "" : text.trim();
			if (trimmed.isEmpty()) {
				setValue(null);
				return;
			}
			if (!trimmed.matches("-?\\d{1,19}")) {
				throw new IllegalArgumentException("not a decimal number: " + text);
			}
			setValue(Long.valueOf(trimmed));
		}

		@Override
		public String getAsText() {
			return (getValue() != null) ? getValue().toString() : "";
		}

	}

}

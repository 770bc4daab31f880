package org.rectiflow.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves user-facing texts in the current request's language: Chinese unless the person asked for English.
 */
@Component
public class Messages {

	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messageSource;

	public Messages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	public String get(String key, Object... args) {
		return this.messageSource.getMessage(key, args, key, currentLocale());
	}

	public String get(RectiflowException ex) {
		return get(ex.getMessageKey(), ex.getArgs());
	}

	public static Locale currentLocale() {
		Locale locale = LocaleContextHolder.getLocale();
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
	}

}

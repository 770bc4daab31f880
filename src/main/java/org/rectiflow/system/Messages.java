package org.rectiflow.system;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Resolves user-facing texts in the current request's language: Chinese unless the person asked for English.
 */
@Component
public class Messages {

	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** Where our pages remember the language a person chose. */
	public static final String LANGUAGE_COOKIE = "RECTIFLOW_LANG";

	private final MessageSource messageSource;

	public Messages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	public String get(String key, Object... args) {
		return this.messageSource.getMessage(key, args, key, currentLocale());
	}

	/** The text in a language decided by the caller (a filter that reads the request's language itself). */
	public String get(Locale locale, String key, Object... args) {
		return this.messageSource.getMessage(key, args, key, locale);
	}

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(TimeConfiguration.CHINA);

	/** A moment as people here read it: Beijing time to the minute. */
	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

	public String get(RectiflowException ex) {
		return get(ex.getMessageKey(), ex.getArgs());
	}

	/**
	 * Why a person's request was refused, for the page they go back to: our reason in their language, or the
	 * engine's validation message, which our listeners already wrote in it ({@code ValidatingTaskListener}).
	 */
	public String refusal(RuntimeException ex) {
		return (ex instanceof RectiflowException r) ? get(r) : ex.getMessage();
	}

	/**
	 * English only when the person asked for it (the language switch of our pages, or an English Accept-Language
	 * from an API client); Chinese otherwise, also for jobs and timers that run outside any request.
	 */
	public static Locale currentLocale() {
		if (LocaleContextHolder.getLocaleContext() == null) {
			return DEFAULT_LOCALE;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null && WebUtils.getCookie(request, LANGUAGE_COOKIE) == null) {
				return DEFAULT_LOCALE;
			}
		}
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
	}

}

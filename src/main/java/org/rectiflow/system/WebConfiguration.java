package org.rectiflow.system;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese first; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(Messages.LANGUAGE_COOKIE);
		resolver.setDefaultLocale(Messages.DEFAULT_LOCALE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Ids in paths and parameters are decimal numbers. Spring would also read {@code 0x10} or {@code #10} as 16, so a
	 * hex spelling would open record 16 under another name: anything but an optional minus and digits is refused
	 * (400), as any other unreadable id is.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, (text) -> {
			String trimmed = text.trim();
			if (trimmed.isEmpty()) {
				return null;
			}
			if (!trimmed.matches("-?\\d{1,19}")) {
				throw new IllegalArgumentException("not a decimal id: " + text);
			}
			return Long.valueOf(trimmed);
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}

package org.rectiflow.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, as Spring Boot would configure them from {@code spring.messages} (basename {@code messages},
 * UTF-8, no fallback to the server's locale), with one change (issue 19): a number in a message is written without
 * thousands separators. {@code MessageFormat} writes {@code {0}} with the locale's grouping ("已超过整改期限 1,859 天"),
 * which has no place in Chinese text; every plain placeholder now prints a number as digits. Placeholders that name
 * a format of their own ({@code {0,number,#}}) keep it.
 */
@Configuration(proxyBeanMethods = false)
class PlainNumberMessages {

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
			@Override
			protected MessageFormat createMessageFormat(String msg, Locale locale) {
				return plainNumbers(super.createMessageFormat(msg, locale), locale);
			}
		};
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static MessageFormat plainNumbers(MessageFormat format, Locale locale) {
		Format[] formats = format.getFormatsByArgumentIndex();
		for (int i = 0; i < formats.length; i++) {
			if (formats[i] == null) {
				format.setFormatByArgumentIndex(i, new Plain(locale));
			}
		}
		return format;
	}

	/** What {@code MessageFormat} does for a placeholder without a format, but numbers without grouping. */
	static final class Plain extends Format {

		private final Locale locale;

		Plain(Locale locale) {
			this.locale = (locale != null) ? locale : Locale.ROOT;
		}

		@Override
		public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
			if (value instanceof BigDecimal decimal) {
				return to.append(decimal.toPlainString());
			}
			if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
					|| value instanceof BigInteger) {
				return to.append(value);
			}
			if (value instanceof Number number) {
				NumberFormat digits = NumberFormat.getInstance(this.locale);
				digits.setGroupingUsed(false);
				return to.append(digits.format(number));
			}
			if (value instanceof Date date) {
				return to.append(DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, this.locale).format(date));
			}
			return to.append(value);
		}

		@Override
		public Object parseObject(String source, ParsePosition position) {
			throw new UnsupportedOperationException("messages are only written");
		}

	}

}

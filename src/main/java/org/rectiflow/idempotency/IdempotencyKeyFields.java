package org.rectiflow.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Every form of our pages that is not a GET carries a fresh idempotency key in a hidden field ({@value
 * IdempotencyFilter#FIELD}), one per form as shown, beside Spring Security's CSRF token: sending the same form again
 * (a double click, a resend after a timeout) is the same request to {@link IdempotencyFilter}; the page shown after
 * it has new keys. Wraps the {@link RequestDataValueProcessor} that Thymeleaf's {@code th:action} asks for the hidden
 * fields (Spring Security's, which adds the CSRF token).
 */
final class IdempotencyKeyFields implements RequestDataValueProcessor {

	/** Set while a GET form is being written: no key for it (a search, a filter). */
	private static final String GET_FORM = IdempotencyKeyFields.class.getName() + ".GET_FORM";

	private final RequestDataValueProcessor delegate;

	IdempotencyKeyFields(RequestDataValueProcessor delegate) {
		this.delegate = delegate;
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String httpMethod) {
		request.setAttribute(GET_FORM, "GET".equalsIgnoreCase(httpMethod));
		return this.delegate.processAction(request, action, httpMethod);
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return this.delegate.processFormFieldValue(request, name, value, type);
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = this.delegate.getExtraHiddenFields(request);
		if (Boolean.TRUE.equals(request.getAttribute(GET_FORM))) {
			return fields;
		}
		Map<String, String> withKey = new LinkedHashMap<>((fields == null) ? Map.of() : fields);
		withKey.put(IdempotencyFilter.FIELD, UUID.randomUUID().toString());
		return withKey;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return this.delegate.processUrl(request, url);
	}

}

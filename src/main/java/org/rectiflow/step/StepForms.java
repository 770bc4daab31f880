package org.rectiflow.step;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms the processes are deployed with ({@code classpath:forms/*.form}, the same files the deployment
 * takes by pattern), by form id, read once at start-up.
 */
@Component
class StepForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, StepForm> forms = new HashMap<>();

	StepForms() {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
				try (InputStream in = resource.getInputStream()) {
					JsonNode form = JSON.readTree(in);
					StepForm parsed = StepForm.parse(form);
					this.forms.put(parsed.id(), parsed);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The step forms cannot be read", ex);
		}
	}

	/** The form with this id ({@code camunda:formRef}), if it is one of ours. */
	Optional<StepForm> form(String formRef) {
		return Optional.ofNullable((formRef == null) ? null : this.forms.get(formRef));
	}

}

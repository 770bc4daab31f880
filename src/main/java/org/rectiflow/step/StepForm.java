package org.rectiflow.step;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step's Camunda Form (the {@code forms/*.form} its user task links with {@code camunda:formRef}) as the portal's step
 * page uses it: the fields to show, in order, and the form's own rules (required, minimum and maximum length, the
 * choices of a radio or select, "shown only when another field has this value"). The page is driven by the form, so a
 * field added to a form appears in the portal, is checked the same way and is submitted under the same name, with
 * no change here. Tasklist checks the same rules in the browser; our task listeners check them again in the engine.
 */
public record StepForm(String id, List<String> instructions, List<Field> fields) {

	/** One choice of a radio or select. */
	public record Option(String value, String label) {
	}

	/**
	 * A field: its variable ({@code key}), its type ({@code radio}, {@code select}, {@code textarea},
	 * {@code textfield}, {@code checkbox}, {@code datetime}), label, hint, choices and rules; {@code shownWhenKey} and
	 * {@code shownWhenValue} when the form hides it unless another field has that value.
	 */
	public record Field(String key, String type, String label, String description, List<Option> options, boolean required,
			Integer minLength, Integer maxLength, String shownWhenKey, String shownWhenValue) {

		public boolean shownFor(Map<String, String> input) {
			return this.shownWhenKey == null || this.shownWhenValue.equals(input.get(this.shownWhenKey));
		}

		public boolean choice() {
			return "radio".equals(this.type) || "select".equals(this.type);
		}

		public boolean text() {
			return "textarea".equals(this.type) || "textfield".equals(this.type);
		}

	}

	/** A rule the input broke: the field and the message key with its arguments (the field's label first). */
	record Refusal(String key, String messageKey, Object... args) {
	}

	/** {@code =other != "value"}: the form hides the field unless {@code other} is {@code value}. */
	private static final Pattern SHOWN_WHEN = Pattern.compile("^=\\s*(\\w+)\\s*!=\\s*\"([^\"]*)\"\\s*$");

	static StepForm parse(JsonNode form) {
		List<String> instructions = new ArrayList<>();
		List<Field> fields = new ArrayList<>();
		collect(form.path("components"), instructions, fields);
		return new StepForm(form.path("id").asText(), List.copyOf(instructions), List.copyOf(fields));
	}

	private static void collect(JsonNode components, List<String> instructions, List<Field> fields) {
		for (JsonNode c : components) {
			String type = c.path("type").asText("");
			String key = c.path("key").asText("");
			if ("text".equals(type)) {
				// The form's own words for the person: its title line (### …) is the step's name, shown as the heading.
				for (String line : c.path("text").asText("").split("\n")) {
					String text = line.trim();
					if (!text.isEmpty() && !text.startsWith("#")) {
						instructions.add(text);
					}
				}
				continue;
			}
			if (key.isBlank()) {
				collect(c.path("components"), instructions, fields);
				continue;
			}
			List<Option> options = new ArrayList<>();
			for (JsonNode v : c.path("values")) {
				options.add(new Option(v.path("value").asText(), v.path("label").asText(v.path("value").asText())));
			}
			JsonNode validate = c.path("validate");
			String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(key);
			String shownWhenKey = null;
			String shownWhenValue = null;
			Matcher hide = SHOWN_WHEN.matcher(c.path("conditional").path("hide").asText(""));
			if (hide.matches()) {
				shownWhenKey = hide.group(1);
				shownWhenValue = hide.group(2);
			}
			fields.add(new Field(key, type, label, c.path("description").asText(""), List.copyOf(options),
					validate.path("required").asBoolean(false),
					validate.has("minLength") ? validate.get("minLength").asInt() : null,
					validate.has("maxLength") ? validate.get("maxLength").asInt() : null, shownWhenKey, shownWhenValue));
		}
	}

	/**
	 * The same form with other choices for one field: a choice the form can only list for one unit (the departments
	 * of the on-site visit) is offered, and checked, as the step's own unit has it.
	 */
	StepForm withOptions(String key, List<Option> options) {
		return new StepForm(this.id, this.instructions, this.fields.stream()
			.map((f) -> !f.key().equals(key) ? f
					: new Field(f.key(), f.type(), f.label(), f.description(), List.copyOf(options), f.required(),
							f.minLength(), f.maxLength(), f.shownWhenKey(), f.shownWhenValue()))
			.toList());
	}

	/**
	 * The form's rules on what the person typed, field by field (only fields the form shows for this input count):
	 * each broken rule, in the form's order.
	 */
	List<Refusal> check(Map<String, String> input) {
		List<Refusal> refusals = new ArrayList<>();
		for (Field field : this.fields) {
			if (!field.shownFor(input)) {
				continue;
			}
			String value = input.getOrDefault(field.key(), "").trim();
			if ("checkbox".equals(field.type())) {
				if (field.required() && !"true".equals(value)) {
					refusals.add(new Refusal(field.key(), "stepPage.error.confirm", field.label()));
				}
				continue;
			}
			if (value.isEmpty()) {
				if (field.required()) {
					refusals.add(new Refusal(field.key(), field.choice() ? "stepPage.error.choose" : "error.field.required",
							field.label()));
				}
				continue;
			}
			if (field.choice() && field.options().stream().noneMatch((o) -> o.value().equals(value))) {
				refusals.add(new Refusal(field.key(), "stepPage.error.choose", field.label()));
			}
			else if ("datetime".equals(field.type()) && !isDate(value)) {
				refusals.add(new Refusal(field.key(), "stepPage.error.date", field.label()));
			}
			else if (field.minLength() != null && value.codePointCount(0, value.length()) < field.minLength()) {
				refusals.add(new Refusal(field.key(), "stepPage.error.minLength", field.label(), field.minLength()));
			}
			else if (field.maxLength() != null && value.codePointCount(0, value.length()) > field.maxLength()) {
				refusals.add(new Refusal(field.key(), "stepPage.error.maxLength", field.label(), field.maxLength()));
			}
		}
		return refusals;
	}

	/**
	 * The variables the form submits for this input, as Tasklist would: texts trimmed, a checkbox as a boolean, a
	 * date as {@code yyyy-MM-dd}; fields the form hides, and empty optional fields, are left out.
	 */
	Map<String, Object> variables(Map<String, String> input) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (Field field : this.fields) {
			if (!field.shownFor(input)) {
				continue;
			}
			String value = input.getOrDefault(field.key(), "").trim();
			if ("checkbox".equals(field.type())) {
				variables.put(field.key(), "true".equals(value));
			}
			else if (!value.isEmpty()) {
				variables.put(field.key(), value);
			}
		}
		return variables;
	}

	private static boolean isDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}

package org.rectiflow.plan.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rectiflow.system.Messages;
import org.rectiflow.task.TaskKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plan workbook (整改方案导入表) that the rectification office downloads, fills in Excel and uploads: an
 * inspection sheet of labelled values, a plan sheet with one row per task, and a guide listing the leaders and
 * departments it may name. Sheet names, headings and kinds come from the message bundles; the template is written in
 * the person's language and a workbook in either language is read, so a template passed between offices still
 * imports.
 */
@Component
public class PlanWorkbookLayout {

	/** The languages a workbook may be written in. */
	static final List<Locale> LANGUAGES = List.of(Messages.DEFAULT_LOCALE, Locale.ENGLISH);

	/** The sheets, by message key. */
	public enum Sheet {

		INSPECTION("workbook.sheet.inspection"), PLAN("workbook.sheet.plan"), GUIDE("workbook.sheet.guide");

		final String key;

		Sheet(String key) {
			this.key = key;
		}

	}

	/** The inspection sheet: a label in column A, its value in column B. */
	public enum Field {

		TITLE("workbook.field.title", true, 500), INSPECTING_BODY("workbook.field.inspectingBody", true, 200),
		UNIT_NAME("workbook.field.unitName", true, 200), ON_SITE_FROM("workbook.field.onSiteFrom", false, 0),
		ON_SITE_TO("workbook.field.onSiteTo", false, 0), FEEDBACK_DATE("workbook.field.feedbackDate", true, 0),
		DOCUMENT_NUMBERS("workbook.field.documentNumbers", false, 500),
		CONCENTRATED_MONTHS("workbook.field.concentratedMonths", false, 0),
		CONTACT_LINE("workbook.field.contactLine", false, 100);

		final String key;

		final boolean required;

		final int maxLength;

		Field(String key, boolean required, int maxLength) {
			this.key = key;
			this.required = required;
			this.maxLength = maxLength;
		}

	}

	/** The plan sheet's columns, in the template's order; a workbook may order them otherwise. */
	public enum Column {

		CATEGORY("workbook.column.category", 500, 24), PROBLEM_NUMBER("workbook.column.problemNumber", 10, 10),
		PROBLEM("workbook.column.problem", 1000, 36), TASK("workbook.column.task", 2000, 36),
		MEASURES("workbook.column.measures", 4000, 48), LEADER("workbook.column.leader", 64, 14),
		LEAD_DEPARTMENT("workbook.column.leadDepartment", 64, 16),
		COOPERATING_DEPARTMENTS("workbook.column.cooperatingDepartments", 500, 20),
		RESPONSIBLE_PERSON("workbook.column.responsiblePerson", 100, 12), DEADLINE("workbook.column.deadline", 0, 14),
		KIND("workbook.column.kind", 0, 14);

		final String key;

		final int maxLength;

		final int width;

		Column(String key, int maxLength, int width) {
			this.key = key;
			this.maxLength = maxLength;
			this.width = width;
		}

	}

	private final MessageSource messages;

	PlanWorkbookLayout(MessageSource messages) {
		this.messages = messages;
	}

	String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	String sheetName(Sheet sheet, Locale locale) {
		return label(sheet.key, locale);
	}

	String heading(Column column, Locale locale) {
		return label(column.key, locale);
	}

	String label(Field field, Locale locale) {
		return label(field.key, locale);
	}

	String kindLabel(TaskKind kind, Locale locale) {
		return label("kind." + kind.name(), locale);
	}

	/** Every way a heading, label or sheet name may be written: each language, without spaces or the "*" mark. */
	Set<String> accepted(String key) {
		Set<String> names = new LinkedHashSet<>();
		for (Locale locale : LANGUAGES) {
			names.add(normalised(label(key, locale)));
		}
		return names;
	}

	/** Headings are compared without spaces, the "required" star or case: "问题类别 *" is "问题类别". */
	static String normalised(String text) {
		return (text == null) ? "" : text.replaceAll("[\\s\\u3000*＊]", "").toLowerCase(Locale.ROOT);
	}

}

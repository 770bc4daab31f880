package org.rectiflow.task;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The evidence of a task as one String variable of its process: what the task's forms show. Here in task/ because
 * a task's start shows its evidence so far, and evidence/ depends on task/, not the other way round.
 */
public final class EvidenceSummary {

	private EvidenceSummary() {
	}

	/**
	 * One line per file, as the task forms show it: "name (size, uploader's name): description". The summary is a
	 * String variable of the task's process, which the engine keeps in a column of {@value #MAX_SUMMARY_LENGTH}
	 * characters: a longer one failed every upload from then on. So each description is cut to
	 * {@value #MAX_SUMMARY_DESCRIPTION} characters, and the files that no longer fit are counted in a last line that
	 * points to the task's page, where every file and its whole description are listed.
	 */
	public static String summarize(List<Evidence> files, Function<String, String> displayName) {
		if (files.isEmpty()) {
			return "（尚未上传佐证材料）";
		}
		StringBuilder summary = new StringBuilder();
		int i = 1;
		for (Evidence e : files) {
			StringBuilder line = new StringBuilder().append(i)
				.append(". ")
				.append(e.getFileName())
				.append("（")
				.append(humanSize(e.getSizeBytes()))
				.append("，")
				.append(displayName.apply(e.getUploadedBy()))
				.append("）");
			if (e.getDescription() != null) {
				line.append("：").append(shortened(e.getDescription(), MAX_SUMMARY_DESCRIPTION));
			}
			line.append('\n');
			String rest = "……另有 " + (files.size() - i + 1) + " 份材料（共 " + files.size() + " 份），请在整改通的任务页面查看";
			boolean last = i == files.size();
			if (summary.length() + line.length() + (last ? 0 : rest.length()) > MAX_SUMMARY_LENGTH) {
				summary.append(rest);
				break;
			}
			summary.append(line);
			i++;
		}
		return summary.toString().trim();
	}

	/** The engine's limit for a String variable (its {@code TEXT_} column). */
	public static final int MAX_SUMMARY_LENGTH = 4000;

	/** How much of each file's description the summary shows. */
	public static final int MAX_SUMMARY_DESCRIPTION = 200;

	private static String shortened(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	public static String humanSize(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}

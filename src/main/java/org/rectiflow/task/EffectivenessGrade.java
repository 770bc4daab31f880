package org.rectiflow.task;

/** The effectiveness of a rectification as judged at close-off (整改成效评估): 好, 较好, 一般, 差. */
public enum EffectivenessGrade {

	GOOD("好"), FAIRLY_GOOD("较好"), FAIR("一般"), POOR("差");

	private final String word;

	EffectivenessGrade(String word) {
		this.word = word;
	}

	/** The grade as the reports write it. */
	public String word() {
		return this.word;
	}

}

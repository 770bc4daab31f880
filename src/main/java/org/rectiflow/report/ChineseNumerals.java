package org.rectiflow.report;

/** Small Chinese numerals as official documents use them: 一 … 九十九. */
public final class ChineseNumerals {

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private ChineseNumerals() {
	}

	private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

	/** ① … ⑳ for the items under a problem; past twenty, "（21）". */
	public static String circled(int n) {
		return (n >= 1 && n <= CIRCLED.length()) ? CIRCLED.substring(n - 1, n) : "（" + n + "）";
	}

	public static String of(int n) {
		if (n < 1 || n > 99) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return DIGITS[n];
		}
		int tens = n / 10;
		int ones = n % 10;
		return ((tens == 1) ? "" : DIGITS[tens]) + "十" + ((ones == 0) ? "" : DIGITS[ones]);
	}

}

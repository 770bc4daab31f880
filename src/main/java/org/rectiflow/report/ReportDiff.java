package org.rectiflow.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts of a report compared block by block (a report keeps one block a line): the longest run of blocks both
 * share stays, the rest is marked removed (only in the earlier) or added (only in the later). Reports run to a few
 * hundred blocks, so the quadratic table costs well under a megabyte.
 */
public final class ReportDiff {

	/** How a block fared between the two versions. */
	public enum Change {

		SAME, REMOVED, ADDED

	}

	public record Line(Change change, String text) {

		public boolean is(String change) {
			return this.change.name().equals(change);
		}

	}

	private ReportDiff() {
	}

	public static List<Line> lines(String earlier, String later) {
		List<String> a = blocks(earlier);
		List<String> b = blocks(later);
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Line> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				lines.add(new Line(Change.SAME, a.get(i)));
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				lines.add(new Line(Change.REMOVED, a.get(i++)));
			}
			else {
				lines.add(new Line(Change.ADDED, b.get(j++)));
			}
		}
		while (i < a.size()) {
			lines.add(new Line(Change.REMOVED, a.get(i++)));
		}
		while (j < b.size()) {
			lines.add(new Line(Change.ADDED, b.get(j++)));
		}
		return lines;
	}

	private static List<String> blocks(String text) {
		return (text == null) ? List.of()
				: text.replace("\r", "").lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
	}

}

package org.rectiflow.repeat;

import java.util.Set;

/**
 * Whether a new problem repeats an earlier one: the overlap coefficient of their bigram sets ({@link ProblemBigrams}),
 * |A∩B| / min(|A|, |B|), at least {@link #THRESHOLD}, with at least {@link #MIN_SHARED} bigrams in common.
 * <p>
 * The overlap coefficient rather than Jaccard or cosine: a new round's group often names a repeat in a line ("宿舍
 * 维修不及时问题依然存在") where the earlier problem carries its title and every finding of its tasks, and Jaccard and
 * cosine punish that difference in length, not a difference in content. Measured on the reference case's problems
 * against reworded and unrelated variants (docs/UNITS.md, {@code RepeatSimilarityTests}), it separated them with
 * the widest margin of the four measures tried. The score depends on the two problems alone, so a stored score does
 * not change when the unit's later rounds are registered.
 */
public final class RepeatSimilarity {

	/** The method's name as stored with each match, so that a later method can be told apart. */
	public static final String METHOD = "bigram-overlap-v1";

	public static final double THRESHOLD = 0.40;

	/** Below this, a short title matching a few bigrams of a long text is chance. */
	public static final int MIN_SHARED = 3;

	private RepeatSimilarity() {
	}

	public static int shared(Set<String> a, Set<String> b) {
		return shared(ProblemBigrams.codes(a), ProblemBigrams.codes(b));
	}

	/** The overlap coefficient, 0 when either text has no bigram. */
	public static double score(Set<String> a, Set<String> b) {
		return score(ProblemBigrams.codes(a), ProblemBigrams.codes(b));
	}

	public static boolean isRepeat(Set<String> a, Set<String> b) {
		return isRepeat(ProblemBigrams.codes(a), ProblemBigrams.codes(b));
	}

	/** Bigrams in common of two sorted code arrays ({@link ProblemBigrams#codes}), by one merge. */
	public static int shared(int[] a, int[] b) {
		int shared = 0;
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return shared;
	}

	public static double score(int[] a, int[] b) {
		if (a.length == 0 || b.length == 0) {
			return 0;
		}
		return (double) shared(a, b) / Math.min(a.length, b.length);
	}

	public static boolean isRepeat(int[] a, int[] b) {
		if (a.length == 0 || b.length == 0) {
			return false;
		}
		int shared = shared(a, b);
		return shared >= MIN_SHARED && (double) shared / Math.min(a.length, b.length) >= THRESHOLD;
	}

}

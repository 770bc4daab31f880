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
		Set<String> small = (a.size() <= b.size()) ? a : b;
		Set<String> large = (small == a) ? b : a;
		int shared = 0;
		for (String bigram : small) {
			if (large.contains(bigram)) {
				shared++;
			}
		}
		return shared;
	}

	/** The overlap coefficient, 0 when either text has no bigram. */
	public static double score(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		return (double) shared(a, b) / Math.min(a.size(), b.size());
	}

	public static boolean isRepeat(Set<String> a, Set<String> b) {
		return shared(a, b) >= MIN_SHARED && score(a, b) >= THRESHOLD;
	}

}

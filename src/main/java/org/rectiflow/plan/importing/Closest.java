package org.rectiflow.plan.importing;

import java.util.Map;

/**
 * The known name closest to one that is not known (issue 19): "宣传部" → "宣传统战部", "吴校长" → "吴副校长". A
 * suggestion holds every character of the name typed in order, or the name typed holds all of the suggestion's (one
 * is a shortened or lengthened form of the other: "王校长" is not "李校长"), at least two characters, and half of the
 * longer name; the closest by shared characters wins, ties going to the shorter name.
 */
final class Closest {

	private Closest() {
	}

	/** The display name (value) of the closest normalised name (key), or null. */
	static String name(String typed, Map<String, String> known) {
		String best = null;
		double bestScore = 0;
		int bestLength = Integer.MAX_VALUE;
		for (Map.Entry<String, String> candidate : known.entrySet()) {
			String name = candidate.getKey();
			if (name.isEmpty() || typed.isEmpty()) {
				continue;
			}
			int common = commonSubsequence(typed, name);
			double score = (double) common / Math.max(typed.length(), name.length());
			boolean within = common == Math.min(typed.length(), name.length());
			if (common >= 2 && within && score >= 0.5
					&& (score > bestScore || (score == bestScore && name.length() < bestLength))) {
				best = candidate.getValue();
				bestScore = score;
				bestLength = name.length();
			}
		}
		return best;
	}

	static int commonSubsequence(String a, String b) {
		int[][] lengths = new int[a.length() + 1][b.length() + 1];
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				lengths[i][j] = (a.charAt(i - 1) == b.charAt(j - 1)) ? lengths[i - 1][j - 1] + 1
						: Math.max(lengths[i - 1][j], lengths[i][j - 1]);
			}
		}
		return lengths[a.length()][b.length()];
	}

}

package org.rectiflow.repeat;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A problem's wording as a set of character bigrams (字对): the measure of "the same problem again" that needs no
 * Chinese word segmenter. Only Chinese characters and Latin letters count; digits (years, counts, sums, which change
 * from round to round), punctuation and spaces split the text into runs, and no bigram spans two runs. The bigrams of
 * the boilerplate every feedback is written in (存在, 问题, 工作, 党委, 制度…) are left out, see {@link #BOILERPLATE}.
 */
public final class ProblemBigrams {

	/**
	 * The bigrams found in at least 5 of the 13 problems of the reference case's feedback (more than a third): they
	 * say that something is a problem of a school's Party committee, not which problem it is. Kept, they let two
	 * unrelated short titles look alike (立德树人工作落实不实 and 意识形态工作落实不到位, docs/UNITS.md).
	 */
	static final Set<String> BOILERPLATE = Set.of("存在", "党委", "工作", "没有", "学校", "问题", "学生", "领导", "制度",
			"建设", "管理", "现象", "研究", "执行", "思想", "出台", "书记", "委会", "的现");

	private ProblemBigrams() {
	}

	/** The bigrams of a text, boilerplate left out, in the order they first occur. */
	public static Set<String> of(String text) {
		Set<String> bigrams = new LinkedHashSet<>();
		if (text == null) {
			return bigrams;
		}
		char previous = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			if (!counts(c)) {
				previous = 0;
				continue;
			}
			if (previous != 0) {
				String bigram = new String(new char[] { previous, c });
				if (!BOILERPLATE.contains(bigram)) {
					bigrams.add(bigram);
				}
			}
			previous = c;
		}
		return bigrams;
	}

	private static boolean counts(char c) {
		return (c >= '\u4e00' && c <= '\u9fff') || (c >= 'a' && c <= 'z');
	}

	/** Stored form: the bigrams one after another, two characters each. */
	public static String encode(Collection<String> bigrams) {
		StringBuilder text = new StringBuilder(bigrams.size() * 2);
		bigrams.forEach(text::append);
		return text.toString();
	}

	public static Set<String> decode(String stored) {
		Set<String> bigrams = new LinkedHashSet<>();
		for (int i = 0; i + 1 < stored.length(); i += 2) {
			bigrams.add(stored.substring(i, i + 2));
		}
		return bigrams;
	}

	/**
	 * The stored form as sorted codes, one int per bigram (its two characters), for comparing without allocating:
	 * what registration compares with the unit's stored problems.
	 */
	public static int[] codes(String stored) {
		int[] codes = new int[stored.length() / 2];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = (stored.charAt(2 * i) << 16) | stored.charAt(2 * i + 1);
		}
		Arrays.sort(codes);
		return codes;
	}

	public static int[] codes(Collection<String> bigrams) {
		return codes(encode(bigrams));
	}

}

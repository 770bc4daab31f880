package org.rectiflow.recheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

/**
 * The draw of a re-check sample, repeatable by anyone with the seed and the population: each task id gets the key
 * {@code SHA-256("<seed>:<task id>")} (its first 8 bytes read as an unsigned number), the tasks are ordered by key
 * (then id), and the first {@code k} are drawn, in that order. The same seed and the same population give the same
 * draw on any machine and any Java version (no random generator's sequence is involved), a task's key does not
 * depend on the other tasks, so adding tasks to the population changes the draw only where a new task's key comes
 * first, and nobody can steer the draw without choosing the seed before seeing the keys.
 */
final class SampleDraw {

	private SampleDraw() {
	}

	/** The first {@code k} of the population in key order; the population's own order does not matter. */
	static List<Long> draw(List<Long> population, long seed, int k) {
		return population.stream()
			.distinct()
			.map((id) -> new Keyed(id, key(seed, id)))
			.sorted(Comparator.comparing(Keyed::key, Long::compareUnsigned).thenComparing(Keyed::id))
			.limit(Math.max(0, k))
			.map(Keyed::id)
			.toList();
	}

	/** How many a percentage of the population is: rounded up, at least one of a population that is not empty. */
	static int sizeOf(int population, int percent) {
		return (int) Math.min(population, Math.max(population == 0 ? 0 : 1, Math.ceil(population * percent / 100.0)));
	}

	static long key(long seed, long taskId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((seed + ":" + taskId).getBytes(StandardCharsets.US_ASCII));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (hash[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Keyed(Long id, long key) {
	}

}

package org.rectiflow.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measurements of one thing, in milliseconds (or any unit); answers medians and nearest-rank percentiles. */
final class Samples {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	/** Times {@code action} and keeps the milliseconds it took. */
	void time(Action action) throws Exception {
		long started = System.nanoTime();
		action.run();
		add((System.nanoTime() - started) / 1e6);
	}

	int size() {
		return this.values.size();
	}

	double median() {
		return percentile(50);
	}

	/** Nearest rank: the smallest value with at least {@code p} % of the samples at or below it. */
	double percentile(double p) {
		if (this.values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	@FunctionalInterface
	interface Action {

		void run() throws Exception;

	}

}

package org.rectiflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures as one table, each row with its target where the issue sets one: printed to the console
 * and written to a file of their own under docs/benchmarks/, one per kind of run, which each run replaces whole.
 * docs/PERFORMANCE.md, written by hand, links to them and says what they mean.
 */
final class PerformanceTable {

	private record Row(String what, String n, String ours, String bare, String ratio, String target, String met) {
	}

	private final List<Row> rows = new ArrayList<>();

	void launch(int n, Samples ours, Samples bare) {
		double ratio = ours.median() / bare.median();
		this.rows.add(new Row("plan launch: the job starting 65 task instances, median ms (" + ours.size() + " units)", n(n),
				ms(ours.median()), ms(bare.median()), ratio(ratio), "≤ 1.3×", met(ratio <= 1.3)));
	}

	void work(int n, Samples service, Samples http, Samples bare, Samples serviceRatio, Samples httpRatio) {
		double ratio = serviceRatio.median();
		this.rows.add(new Row("task work via service layer, steps/s (median of " + service.size()
				+ " rounds; ratio: median of the rounds' ratios)", n(n), rate(service.median()), rate(bare.median()),
				ratio(ratio), "≥ 0.6×", met(ratio >= 0.6)));
		this.rows.add(new Row("task work over HTTP, steps/s (median of " + http.size() + " rounds)", n(n),
				rate(http.median()), rate(bare.median()), ratio(httpRatio.median()), "", ""));
	}

	void page(int n, String page, Samples samples) {
		String target = "";
		String met = "";
		if (page.startsWith("ledger")) {
			target = "p95 ≤ 100 ms";
			met = met(samples.percentile(95) <= 100);
		}
		else if (page.startsWith("dashboard") || page.startsWith("office")) {
			target = "p95 ≤ 200 ms";
			met = met(samples.percentile(95) <= 200);
		}
		this.rows.add(new Row(page + ", p50 / p95 ms (" + samples.size() + " requests)", n(n),
				ms(samples.median()) + " / " + ms(samples.percentile(95)), "", "", target, met));
	}

	void document(int n, String document, Samples samples, double peakHeapMb) {
		boolean export = document.contains("export");
		this.rows.add(new Row(document + ", median ms; peak heap above baseline", n(n),
				ms(samples.median()) + "; " + mb(peakHeapMb), "", "", export ? "≤ 5 s, flat heap" : "",
				export ? met(samples.median() <= 5000) : ""));
	}

	void startup(Samples ready, Samples spring, String jvm) {
		this.rows.add(new Row("start-up (" + jvm + "): process start → login page answers, median ms of " + ready.size(),
				"max", ms(ready.median()), "", "", "≤ 10 s", met(ready.median() <= 10_000)));
		this.rows.add(new Row("start-up (" + jvm + ") as Spring reports it (\"Started … in\"), median ms", "max",
				ms(spring.median()), "", "", "", ""));
	}

	void note(String text) {
		this.rows.add(new Row(text, "max", "", "", "", "", ""));
	}

	void memory(double rssMb, double peakRssMb, String jvm) {
		this.rows.add(new Row("resident memory after warm-up (" + jvm + "): RSS / peak RSS", "max",
				mb(rssMb) + " / " + mb(peakRssMb), "", "", "RSS ≤ 768 MB", met(peakRssMb <= 768)));
	}

	String render() {
		String[] header = { "what", "N", "Rectiflow", "bare engine", "ratio", "target", "met" };
		int[] widths = new int[header.length];
		List<String[]> cells = new ArrayList<>();
		cells.add(header);
		this.rows.forEach((r) -> cells.add(new String[] { r.what, r.n, r.ours, r.bare, r.ratio, r.target, r.met }));
		for (String[] row : cells) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], width(row[i]));
			}
		}
		StringBuilder out = new StringBuilder("\n");
		for (String[] row : cells) {
			for (int i = 0; i < row.length; i++) {
				out.append(row[i]).append(" ".repeat(widths[i] - width(row[i]) + 2));
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** Writes the figures as the whole of {@code file}, replacing the previous run's. */
	void write(Path file, String database, int units, long tasks, long historicActivities, long databaseMb)
			throws IOException {
		StringBuilder block = new StringBuilder("# Benchmark figures: ").append(database).append("\n\n");
		block.append("Written by `benchmark/ProvinceBenchmark` as it runs (each run replaces this file); not edited ")
			.append("by hand. What the rows measure, the targets and the history: [PERFORMANCE.md](../PERFORMANCE.md).\n\n");
		block.append("Run on ").append(database).append(", ")
			.append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)))
			.append(" on ")
			.append(machine())
			.append(". Largest database: ")
			.append(units)
			.append(" units, ")
			.append(tasks)
			.append(" tasks, ")
			.append(historicActivities)
			.append(" historic activity instances")
			.append((databaseMb < 0) ? "" : ", " + databaseMb + " MB on disk")
			.append(".\n\n");
		block.append("| what | N | Rectiflow | bare engine | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
		for (Row r : this.rows) {
			block.append("| ")
				.append(String.join(" | ", r.what, r.n, r.ours, r.bare, r.ratio, r.target, r.met))
				.append(" |\n");
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, block, StandardCharsets.UTF_8);
	}

	static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux: leave it unknown
		}
		long memoryMb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() >> 20;
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryMb + " MB RAM, Java "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + ", benchmark JVM max heap "
				+ (Runtime.getRuntime().maxMemory() >> 20) + " MB";
	}

	private static int width(String s) {
		// CJK characters take two columns in a terminal.
		return s.codePoints().map((c) -> (c >= 0x2E80) ? 2 : 1).sum();
	}

	private static String n(int n) {
		return String.valueOf(n);
	}

	private static String ms(double ms) {
		return String.format(Locale.ROOT, ms < 10 ? "%.1f" : "%.0f", ms);
	}

	private static String mb(double mb) {
		return String.format(Locale.ROOT, "%.0f MB", mb);
	}

	private static String rate(double rate) {
		return String.format(Locale.ROOT, "%.1f", rate);
	}

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

}

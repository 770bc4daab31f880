package org.rectiflow.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What one PDF layout of the reference text costs: time, bytes allocated by the laying-out thread, and peak heap
 * above the heap after a full collection just before (sampled every 2 ms, as the province benchmark samples it); the
 * heap the fonts keep for the node; and the peak heap of several layouts at once. Not part of {@code ./mvnw verify}
 * (the name does not end in Tests) and it asserts nothing: run it by hand, the command is in docs/PERFORMANCE.md.
 */
class PdfLayoutBenchmark {

	static final int WARM_UP = 3;

	static final int RUNS = 10;

	final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@Test
	void measure() throws Exception {
		ReportDocument reference = ReportFormatsTests.reference();
		long before = settledHeap();
		ReportFonts fonts = new ReportFonts();
		ReportFormats formats = new ReportFormats(fonts, ReportFormats.CONCURRENT_PDF_LAYOUTS);
		int counter = 0;
		for (int i = 0; i < WARM_UP; i++) {
			formats.pdf(titled(reference, counter++));
		}
		// The fonts and the renderer's caches, which stay; the kept PDFs are dropped first.
		ReportFormats unlimited = new ReportFormats(fonts, 64);
		formats = new ReportFormats(fonts, ReportFormats.CONCURRENT_PDF_LAYOUTS);
		long kept = settledHeap() - before;
		List<Double> millis = new ArrayList<>();
		List<Double> allocated = new ArrayList<>();
		List<Double> peaks = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			ReportDocument doc = titled(reference, counter++);
			long baseline = settledHeap();
			try (Sampler sampler = new Sampler()) {
				long bytes = this.threads.getThreadAllocatedBytes(Thread.currentThread().getId());
				long start = System.nanoTime();
				formats.pdf(doc);
				millis.add((System.nanoTime() - start) / 1e6);
				allocated.add((this.threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes) / 1e6);
				peaks.add((sampler.peak() - baseline) / 1e6);
			}
		}
		System.out.printf("PDF layout of the reference text, median of %d after %d warm-up: %.0f ms; %.0f MB allocated; "
				+ "peak heap %.0f MB above baseline; kept by the node after the first layouts (fonts, caches): %.0f MB "
				+ "(max heap %d MB)%n", RUNS, WARM_UP, median(millis), median(allocated), median(peaks), kept / 1e6,
				Runtime.getRuntime().maxMemory() >> 20);
		parallel(formats, reference, "limit " + ReportFormats.CONCURRENT_PDF_LAYOUTS, counter);
		parallel(unlimited, reference, "no limit", counter + 100);
	}

	void parallel(ReportFormats formats, ReportDocument reference, String limit, int counter) throws Exception {
		for (int parallel : new int[] { 1, 2, 4 }) {
			long baseline = settledHeap();
			ExecutorService pool = Executors.newFixedThreadPool(parallel);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			long start;
			try (Sampler sampler = new Sampler()) {
				for (int i = 0; i < parallel; i++) {
					ReportDocument doc = titled(reference, counter++);
					done.add(pool.submit(() -> {
						go.await();
						return formats.pdf(doc);
					}));
				}
				start = System.nanoTime();
				go.countDown();
				for (Future<?> f : done) {
					f.get(5, TimeUnit.MINUTES);
				}
				System.out.printf("%d layouts asked for at once (%s): %.0f ms for all; peak heap %.0f MB above baseline%n",
						parallel, limit, (System.nanoTime() - start) / 1e6, (sampler.peak() - baseline) / 1e6);
			}
			pool.shutdown();
		}
	}

	static ReportDocument titled(ReportDocument reference, int n) {
		return new ReportDocument(reference.title() + "（" + n + "）", reference.blocks());
	}

	long settledHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** The highest heap in use, sampled every 2 ms while it is open. */
	final class Sampler implements AutoCloseable {

		final AtomicLong peak = new AtomicLong();

		final AtomicBoolean running = new AtomicBoolean(true);

		final Thread thread;

		Sampler() {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					this.peak.accumulateAndGet(PdfLayoutBenchmark.this.memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(2);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long peak() {
			this.peak.accumulateAndGet(PdfLayoutBenchmark.this.memory.getHeapMemoryUsage().getUsed(), Math::max);
			return this.peak.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

	}

}

package org.rectiflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap in use sampled every 2 ms while something runs: the peak above what was in use after a collection just
 * before. The server and the client share the JVM, so the figure is the whole request, both ends.
 */
final class HeapWatch implements AutoCloseable {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final long baseline;

	private final AtomicLong peak;

	private final AtomicBoolean sampling = new AtomicBoolean(true);

	private final Thread sampler;

	HeapWatch() {
		System.gc();
		this.baseline = this.memory.getHeapMemoryUsage().getUsed();
		this.peak = new AtomicLong(this.baseline);
		this.sampler = new Thread(() -> {
			while (this.sampling.get()) {
				this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/** Megabytes above the baseline at the highest sample. */
	double peakAboveBaselineMb() {
		return (this.peak.get() - this.baseline) / (1024.0 * 1024.0);
	}

	@Override
	public void close() throws InterruptedException {
		this.sampling.set(false);
		this.sampler.join();
	}

}

package org.rectiflow.system;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up in production when the JVM was started without a heap cap. Java then lets the heap grow to a
 * quarter of the machine's memory, and a node that has served a morning's reports sits past 900 MB resident on a
 * 24 GB machine, where {@code -Xmx512m} keeps it near 700 MB (docs/PERFORMANCE.md, docs/OPERATIONS.md "Performance").
 */
@Component
@Profile(ProductionGuard.PROD)
class HeapCapCheck {

	private static final Logger log = LoggerFactory.getLogger(HeapCapCheck.class);

	/** The options that cap the heap, one way or another. */
	static final List<String> CAPS = List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAMPercentage=", "-XX:MaxRAM=",
			"-XX:MaxRAMFraction=");

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
		if (!capped(arguments)) {
			log.warn("The JVM runs without a heap cap, so its heap may grow to {} MB on this machine. Start it with"
					+ " -Xmx512m and a class-data archive, as docs/OPERATIONS.md \"Performance\" shows.",
					Runtime.getRuntime().maxMemory() >> 20);
		}
	}

	static boolean capped(List<String> arguments) {
		return arguments.stream().anyMatch((a) -> CAPS.stream().anyMatch(a::startsWith));
	}

}

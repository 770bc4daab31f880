package org.rectiflow.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a heap cap for the production start-up's warning. */
class HeapCapCheckTests {

	@Test
	void shouldTakeEveryWayOfCappingTheHeap() {
		assertThat(HeapCapCheck.capped(List.of("-Xmx512m"))).isTrue();
		assertThat(HeapCapCheck.capped(List.of("-Dfile.encoding=UTF-8", "-XX:MaxRAMPercentage=25"))).isTrue();
		assertThat(HeapCapCheck.capped(List.of("-XX:MaxHeapSize=536870912"))).isTrue();
	}

	@Test
	void shouldWarnWhenOnlyTheStartingHeapOrNothingIsGiven() {
		assertThat(HeapCapCheck.capped(List.of())).isFalse();
		assertThat(HeapCapCheck.capped(List.of("-Xms256m", "-XX:SharedArchiveFile=app/rectiflow.jsa"))).isFalse();
	}

}

package org.rectiflow.recheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The draw of a re-check sample is a function of the seed and the population alone. */
class SampleDrawTests {

	final List<Long> population = LongStream.rangeClosed(1001, 1200).boxed().toList();

	@Test
	void shouldDrawTheSameTasksFromTheSameSeedAndPopulationInAnyOrder() {
		List<Long> shuffled = new ArrayList<>(this.population);
		Collections.shuffle(shuffled, new java.util.Random(3));

		List<Long> first = SampleDraw.draw(this.population, 20261203L, 10);

		assertThat(first).hasSize(10).doesNotHaveDuplicates();
		assertThat(this.population).containsAll(first);
		assertThat(SampleDraw.draw(shuffled, 20261203L, 10)).isEqualTo(first);
		assertThat(SampleDraw.draw(this.population, 20261203L, 10)).isEqualTo(first);
	}

	@Test
	void shouldDrawOtherTasksWithAnotherSeed() {
		assertThat(SampleDraw.draw(this.population, 1L, 10)).isNotEqualTo(SampleDraw.draw(this.population, 2L, 10));
	}

	@Test
	void shouldKeepTheDrawOfALargerSampleAsItsBeginning() {
		assertThat(SampleDraw.draw(this.population, 7L, 15)).startsWith(SampleDraw.draw(this.population, 7L, 5).toArray(Long[]::new));
	}

	@Test
	void shouldChangeTheDrawOnlyWhereANewTaskComesFirst() {
		List<Long> before = SampleDraw.draw(this.population, 99L, 10);
		List<Long> grown = new ArrayList<>(this.population);
		grown.add(5000L);
		List<Long> after = SampleDraw.draw(grown, 99L, 10);

		List<Long> withoutNew = new ArrayList<>(after);
		withoutNew.remove(5000L);
		assertThat(before).startsWith(withoutNew.toArray(Long[]::new));
	}

	@Test
	void shouldGiveATaskTheKeyAnySha256ToolGives() {
		// echo -n "42:1001" | sha256sum: 1464ba8ac8116ffe… — a recorded draw can be checked by hand.
		assertThat(Long.toUnsignedString(SampleDraw.key(42L, 1001L), 16)).isEqualTo("1464ba8ac8116ffe");
	}

	@Test
	void shouldRoundAPercentageUpAndDrawAtLeastOne() {
		assertThat(SampleDraw.sizeOf(200, 5)).isEqualTo(10);
		assertThat(SampleDraw.sizeOf(7, 10)).isEqualTo(1);
		assertThat(SampleDraw.sizeOf(21, 10)).isEqualTo(3);
		assertThat(SampleDraw.sizeOf(3, 100)).isEqualTo(3);
		assertThat(SampleDraw.sizeOf(0, 50)).isZero();
	}

	@Test
	void shouldDrawTheWholePopulationWhenTheSampleIsLarger() {
		assertThat(SampleDraw.draw(List.of(3L, 1L, 2L), 5L, 10)).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

}

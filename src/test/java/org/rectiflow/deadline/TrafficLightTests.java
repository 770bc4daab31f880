package org.rectiflow.deadline;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficLightTests {

	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Test
	void greenYellowRedAgainstTheDeadline() {
		assertThat(TrafficLight.of(TODAY.plusDays(10), false, false, TODAY)).isEqualTo(TrafficLight.GREEN);
		assertThat(TrafficLight.of(TODAY, false, false, TODAY)).isEqualTo(TrafficLight.YELLOW);
		// Three working days from Wednesday: Monday; the weekend does not count.
		assertThat(TrafficLight.of(LocalDate.of(2026, 11, 30), false, false, TODAY)).isEqualTo(TrafficLight.YELLOW);
		assertThat(TrafficLight.of(LocalDate.of(2026, 12, 1), false, false, TODAY)).isEqualTo(TrafficLight.GREEN);
		assertThat(TrafficLight.of(TODAY.minusDays(1), false, false, TODAY)).isEqualTo(TrafficLight.RED);
		assertThat(TrafficLight.of(TODAY.plusDays(10), false, true, TODAY)).as("marked by the timer")
			.isEqualTo(TrafficLight.RED);
	}

	@Test
	void settledTasksAndTasksWithoutDeadlineHaveNoLight() {
		assertThat(TrafficLight.of(TODAY.minusDays(5), true, true, TODAY)).isEqualTo(TrafficLight.NONE);
		assertThat(TrafficLight.of(null, false, false, TODAY)).isEqualTo(TrafficLight.NONE);
	}

}

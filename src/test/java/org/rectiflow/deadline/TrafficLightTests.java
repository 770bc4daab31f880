package org.rectiflow.deadline;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.rectiflow.calendar.TrafficLight;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficLightTests {

	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	/** Three working days from Wednesday 2026-11-25, no holiday in between: Monday. */
	private static final LocalDate HORIZON = LocalDate.of(2026, 11, 30);

	private static TrafficLight light(LocalDate deadline, boolean settled, boolean flagged) {
		return TrafficLight.of(deadline, settled, flagged, TODAY, HORIZON);
	}

	@Test
	void greenYellowRedAgainstTheDeadline() {
		assertThat(light(TODAY.plusDays(10), false, false)).isEqualTo(TrafficLight.GREEN);
		assertThat(light(TODAY, false, false)).isEqualTo(TrafficLight.YELLOW);
		assertThat(light(LocalDate.of(2026, 11, 30), false, false)).isEqualTo(TrafficLight.YELLOW);
		assertThat(light(LocalDate.of(2026, 12, 1), false, false)).isEqualTo(TrafficLight.GREEN);
		assertThat(light(TODAY.minusDays(1), false, false)).isEqualTo(TrafficLight.RED);
		assertThat(light(TODAY.plusDays(10), false, true)).as("marked by the timer")
			.isEqualTo(TrafficLight.RED);
	}

	@Test
	void settledTasksAndTasksWithoutDeadlineHaveNoLight() {
		assertThat(light(TODAY.minusDays(5), true, true)).isEqualTo(TrafficLight.NONE);
		assertThat(light(null, false, false)).isEqualTo(TrafficLight.NONE);
	}

}

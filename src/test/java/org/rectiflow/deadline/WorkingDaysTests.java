package org.rectiflow.deadline;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

	// 2026-11-27 is a Friday.
	static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

	@Test
	void shouldSkipTheWeekendGoingForward() {
		assertThat(WorkingDays.plus(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(WorkingDays.plus(FRIDAY, 3)).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(WorkingDays.plus(FRIDAY, 0)).isEqualTo(FRIDAY);
	}

	@Test
	void shouldSkipTheWeekendGoingBack() {
		assertThat(WorkingDays.minus(LocalDate.of(2026, 11, 30), 1)).isEqualTo(FRIDAY);
		assertThat(WorkingDays.minus(LocalDate.of(2026, 12, 2), 3)).isEqualTo(FRIDAY);
	}

}

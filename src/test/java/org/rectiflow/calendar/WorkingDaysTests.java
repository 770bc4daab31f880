package org.rectiflow.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working days on the real 2025 and 2026 schedules of the State Council, as shipped in the database, and an
 * administrator's edit taking effect.
 */
@SpringBootTest
@ActiveProfiles("test")
class WorkingDaysTests {

	@Autowired
	WorkingDays workingDays;

	@Autowired
	CalendarDays calendar;

	@AfterEach
	void undoEdits() {
		this.calendar.remove(LocalDate.of(2026, 12, 31));
		this.workingDays.refresh();
	}

	@Test
	void ordinaryWeeksAreMondayToFriday() {
		LocalDate friday = LocalDate.of(2026, 11, 27);
		assertThat(this.workingDays.plus(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(this.workingDays.plus(friday, 3)).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(this.workingDays.plus(friday, 0)).isEqualTo(friday);
		assertThat(this.workingDays.minus(LocalDate.of(2026, 11, 30), 1)).isEqualTo(friday);
		assertThat(this.workingDays.minus(LocalDate.of(2026, 12, 2), 3)).isEqualTo(friday);
	}

	@Test
	void springFestival2026IsNineDaysOffWithTwoSaturdaysWorked() {
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday worked").isTrue();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday off").isFalse();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday off").isFalse();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday worked").isTrue();
		// Friday 13th: the next working day is Saturday 14th, then Tuesday 24th.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(this.workingDays.plus(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(this.workingDays.minus(LocalDate.of(2026, 2, 24), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
	}

	@Test
	void nationalDay2026AndTheNewYear() {
		// 1–7 October off; Sunday 20 September and Saturday 10 October worked.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(this.workingDays.plus(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
		// 1–3 January off; Sunday 4 January worked.
		assertThat(this.workingDays.plus(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
		// Labour Day, Dragon Boat, Mid-Autumn.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 4, 30), 1)).isEqualTo(LocalDate.of(2026, 5, 6));
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
	}

	@Test
	void the2025Schedule() {
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2025, 1, 26))).as("Sunday worked").isTrue();
		// Spring Festival 28 January – 4 February; Saturday 8 February worked.
		assertThat(this.workingDays.plus(LocalDate.of(2025, 1, 27), 1)).isEqualTo(LocalDate.of(2025, 2, 5));
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
		// Labour Day 1–5 May, Sunday 27 April worked; National Day and Mid-Autumn 1–8 October.
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2025, 4, 27))).isTrue();
		assertThat(this.workingDays.plus(LocalDate.of(2025, 4, 30), 1)).isEqualTo(LocalDate.of(2025, 5, 6));
		assertThat(this.workingDays.plus(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
	}

	@Test
	void dueSoonCountsHolidaysOut() {
		// On Thursday 12 February 2026 three working days on is Tuesday 24 February, across the holiday.
		assertThat(this.workingDays.dueSoonHorizon(LocalDate.of(2026, 2, 12))).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(this.workingDays.light(LocalDate.of(2026, 2, 24), false, false, LocalDate.of(2026, 2, 12)))
			.isEqualTo(TrafficLight.YELLOW);
		assertThat(this.workingDays.light(LocalDate.of(2026, 2, 25), false, false, LocalDate.of(2026, 2, 12)))
			.isEqualTo(TrafficLight.GREEN);
	}

	@Test
	void anAdministratorsEditTakesEffect() {
		LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
		assertThat(this.workingDays.isWorkingDay(newYearsEve)).isTrue();

		this.calendar.put(newYearsEve, false, "测试假日", "admin");
		this.workingDays.refresh();

		assertThat(this.workingDays.isWorkingDay(newYearsEve)).isFalse();
		assertThat(this.calendar.year(2026)).anySatisfy((d) -> assertThat(d.name()).isEqualTo("测试假日"));
	}

}

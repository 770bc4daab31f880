package org.rectiflow.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectiflow.task.TaskStatus.BASICALLY_COMPLETED;
import static org.rectiflow.task.TaskStatus.COMPLETED;
import static org.rectiflow.task.TaskStatus.LONG_TERM;
import static org.rectiflow.task.TaskStatus.NOT_COMPLETED;

class OutcomeCountsTests {

	@Test
	void shouldCountEachOutcome() {
		OutcomeCounts counts = OutcomeCounts.of(List.of(COMPLETED, COMPLETED, LONG_TERM, NOT_COMPLETED, BASICALLY_COMPLETED));

		assertThat(counts).isEqualTo(new OutcomeCounts(5, 2, 1, 1, 1));
	}

	@Test
	void shouldRollUpAProblemWithOneLongTermTaskAsBasicallyCompleted() {
		// Hunan (四)1: seven tasks completed and the property-deed task long-term → 基本完成.
		assertThat(OutcomeCounts.rollUp(List.of(COMPLETED, COMPLETED, COMPLETED, LONG_TERM))).isEqualTo(BASICALLY_COMPLETED);
	}

	@Test
	void shouldRollUpToCompletedOnlyWhenEveryTaskIsCompleted() {
		assertThat(OutcomeCounts.rollUp(List.of(COMPLETED, COMPLETED))).isEqualTo(COMPLETED);
		assertThat(OutcomeCounts.rollUp(List.of(COMPLETED, BASICALLY_COMPLETED))).isEqualTo(BASICALLY_COMPLETED);
	}

	@Test
	void shouldRollUpToNotCompletedWhileAnyTaskIsOpen() {
		assertThat(OutcomeCounts.rollUp(List.of(COMPLETED, NOT_COMPLETED, LONG_TERM))).isEqualTo(NOT_COMPLETED);
		assertThat(OutcomeCounts.rollUp(List.of())).isEqualTo(NOT_COMPLETED);
	}

	@Test
	void shouldRollUpToLongTermWhenEveryTaskIsLongTerm() {
		assertThat(OutcomeCounts.rollUp(List.of(LONG_TERM, LONG_TERM))).isEqualTo(LONG_TERM);
	}

}

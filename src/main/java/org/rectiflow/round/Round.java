package org.rectiflow.round;

import java.time.LocalDate;

/**
 * A round (巡察轮次) of the inspecting body: its number (第N轮), a name and the period it runs. Its units and the
 * inspection group assigned to each are {@link RoundUnit}s.
 */
public record Round(long id, int number, String name, LocalDate startsOn, LocalDate endsOn) {
}

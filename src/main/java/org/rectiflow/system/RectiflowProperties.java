package org.rectiflow.system;

import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rectiflow.*}. Periods stay ISO-8601 strings because the engine's timers read them as such.
 */
@ConfigurationProperties("rectiflow")
public record RectiflowProperties(
		@DefaultValue("P6M") String lookBackPeriod,
		@DefaultValue("P1M") String stageReportPeriod,
		@DefaultValue Evidence evidence,
		@DefaultValue Deadlines deadlines,
		@DefaultValue Demo demo) {

	public record Evidence(@DefaultValue("20971520") long maxBytes, @DefaultValue List<String> allowedContentTypes) {
	}

	/**
	 * How deadlines bite: the reminder goes out {@code reminderWorkingDays} working days before the deadline; a
	 * submission still missing {@code graceWorkingDays} working days after it goes to the discipline committee for a
	 * criticism notice.
	 */
	public record Deadlines(@DefaultValue("3") int reminderWorkingDays, @DefaultValue("5") int graceWorkingDays) {

		public Deadlines {
			if (reminderWorkingDays < 0 || graceWorkingDays < 0) {
				throw new IllegalArgumentException("rectiflow.deadlines.* must not be negative");
			}
		}

	}

	public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean shiftToToday) {
	}

	/** Validates the configured periods at start-up, so a typo fails the boot and not a timer months later. */
	public RectiflowProperties {
		Period.parse(lookBackPeriod);
		Period.parse(stageReportPeriod);
	}

}

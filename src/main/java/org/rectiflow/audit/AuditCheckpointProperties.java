package org.rectiflow.audit;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkpoints of the audit chain's head ({@code rectiflow.audit.checkpoint.*}, see {@link AuditCheckpoint}): the
 * directory they are written to (blank: none written or compared), the HMAC key that signs them (blank: unsigned),
 * when they are written (a Spring cron expression in China's time, {@code -} for never), and the groups told each
 * new pin in a notice (blank: none), so the head also leaves the server by e-mail or robot where those are set up.
 */
@ConfigurationProperties("rectiflow.audit.checkpoint")
public record AuditCheckpointProperties(@DefaultValue("./data/audit-checkpoints") String directory,
		@DefaultValue("") String key, @DefaultValue("0 5 0 * * *") String cron,
		@DefaultValue("discipline") List<String> notifyGroups) {

	/** The directory, or null when checkpoints are off. */
	public Path path() {
		return (this.directory == null || this.directory.isBlank()) ? null : Path.of(this.directory.trim());
	}

	public boolean signed() {
		return this.key != null && !this.key.isEmpty();
	}

}

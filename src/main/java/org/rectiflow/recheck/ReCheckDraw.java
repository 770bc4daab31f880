package org.rectiflow.recheck;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A recorded draw of closed tasks for re-check (销号反向核查): who drew, when, with which parameters and seed, the
 * population as it was and the exact tasks drawn, so that anyone can repeat it ({@link SampleDraw}).
 */
@Entity
public class ReCheckDraw {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String drawnBy;

	private Instant drawnAt;

	/** Comma-separated unit ids; empty: all the units the drawer oversees. */
	private String unitIds;

	private Integer sampleSize;

	private Integer samplePercent;

	private long seed;

	private int populationSize;

	/** The population's task ids, ascending, comma-separated. */
	private String populationTaskIds;

	/** The drawn task ids in draw order, comma-separated. */
	private String drawnTaskIds;

	protected ReCheckDraw() {
	}

	ReCheckDraw(String drawnBy, Instant drawnAt, List<String> unitIds, Integer sampleSize, Integer samplePercent,
			long seed, List<Long> population, List<Long> drawn) {
		this.drawnBy = drawnBy;
		this.drawnAt = drawnAt;
		this.unitIds = String.join(",", unitIds);
		this.sampleSize = sampleSize;
		this.samplePercent = samplePercent;
		this.seed = seed;
		this.populationSize = population.size();
		this.populationTaskIds = join(population);
		this.drawnTaskIds = join(drawn);
	}

	private static String join(List<Long> ids) {
		return String.join(",", ids.stream().map(String::valueOf).toList());
	}

	private static List<Long> split(String ids) {
		return (ids == null || ids.isBlank()) ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
	}

	public Long getId() {
		return this.id;
	}

	public String getDrawnBy() {
		return this.drawnBy;
	}

	public Instant getDrawnAt() {
		return this.drawnAt;
	}

	public List<String> getUnitIds() {
		return (this.unitIds == null || this.unitIds.isBlank()) ? List.of() : List.of(this.unitIds.split(","));
	}

	public Integer getSampleSize() {
		return this.sampleSize;
	}

	public Integer getSamplePercent() {
		return this.samplePercent;
	}

	public long getSeed() {
		return this.seed;
	}

	public int getPopulationSize() {
		return this.populationSize;
	}

	public List<Long> getPopulationTaskIds() {
		return split(this.populationTaskIds);
	}

	public List<Long> getDrawnTaskIds() {
		return split(this.drawnTaskIds);
	}

}

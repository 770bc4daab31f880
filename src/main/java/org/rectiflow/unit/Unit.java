package org.rectiflow.unit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An inspected unit (被巡察单位): a college's Party committee, a county school. Its id is also the id of its Camunda
 * tenant, so the engine keeps the unit's process instances, tasks and history to the unit's people and to the
 * inspecting body's groups that oversee it (see {@link Units}).
 */
@Entity
public class Unit {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	private String shortName;

	@Column(nullable = false)
	private Instant createdAt;

	protected Unit() {
	}

	public Unit(String id, String name, String shortName, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.shortName = shortName;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return this.shortName;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}

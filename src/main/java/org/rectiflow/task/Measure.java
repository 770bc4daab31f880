package org.rectiflow.task;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A concrete step within a task (the ①②③ of the reports). */
@Entity
public class Measure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long taskId;

	private int seq;

	private String content;

	protected Measure() {
	}

	public Measure(Long taskId, int seq, String content) {
		this.taskId = taskId;
		this.seq = seq;
		this.content = content;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getContent() {
		return this.content;
	}

}

package org.rectiflow.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

	List<Evidence> findByTaskIdOrderByUploadedAtAsc(Long taskId);

	long countByTaskId(Long taskId);

	/** Rows of (task id, number of files) for one inspection's tasks. */
	@Query("select e.taskId, count(e) from Evidence e where e.taskId in "
			+ "(select t.id from RectificationTask t where t.inspectionId = :inspectionId) group by e.taskId")
	List<Object[]> countByTaskForInspection(Long inspectionId);

}

package org.rectiflow.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

	@Query("select e from Evidence e where e.taskId = :taskId order by e.uploadedAt asc")
	List<Evidence> findByTaskIdOrderByUploadedAtAsc(Long taskId);

	@Query("select e from Evidence e where e.taskId in :taskIds order by e.taskId asc, e.uploadedAt asc")
	List<Evidence> findByTaskIdInOrderByTaskIdAscUploadedAtAsc(Collection<Long> taskIds);

	/** The task's file with these bytes (by SHA-256), if it has one: the oldest, should earlier releases have kept two. */
	@Query("select e from Evidence e where e.taskId = :taskId and e.sha256 = :sha256 order by e.id asc limit 1")
	Optional<Evidence> findFirstByTaskIdAndSha256(Long taskId, String sha256);

	@Query("select count(e) from Evidence e where e.taskId = :taskId")
	long countByTaskId(Long taskId);

	/** Stamps the files a submission carries: every file of the task still waiting in a draft. */
	@Modifying(flushAutomatically = true)
	@Query("update Evidence e set e.submittedAt = :at where e.taskId = :taskId and e.submittedAt is null")
	int markSubmitted(Long taskId, Instant at);

	/** Rows of (task id, number of files) for one inspection's tasks. */
	@Query("select e.taskId, count(e) from Evidence e where e.taskId in "
			+ "(select t.id from RectificationTask t where t.inspectionId = :inspectionId) group by e.taskId")
	List<Object[]> countByTaskForInspection(Long inspectionId);

}

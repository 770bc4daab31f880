package org.rectiflow.evidence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceDraftRepository extends JpaRepository<EvidenceDraft, Long> {

	/** Drops the draft, if any, in one statement (deleteById reads it first). */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("delete from EvidenceDraft d where d.taskId = :taskId")
	int deleteByTaskId(Long taskId);

}

package org.rectiflow.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupervisionRecordRepository extends JpaRepository<SupervisionRecord, Long> {

	@Query("select r from SupervisionRecord r where r.inspectionId = :inspectionId order by r.recordedAt asc")
	List<SupervisionRecord> findByInspectionIdOrderByRecordedAtAsc(Long inspectionId);

	@Query("select r from SupervisionRecord r where r.taskId = :taskId order by r.recordedAt asc")
	List<SupervisionRecord> findByTaskIdOrderByRecordedAtAsc(Long taskId);

}

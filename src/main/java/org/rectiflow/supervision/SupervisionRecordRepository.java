package org.rectiflow.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionRecordRepository extends JpaRepository<SupervisionRecord, Long> {

	List<SupervisionRecord> findByInspectionIdOrderByRecordedAtAsc(Long inspectionId);

	List<SupervisionRecord> findByTaskIdOrderByRecordedAtAsc(Long taskId);

}

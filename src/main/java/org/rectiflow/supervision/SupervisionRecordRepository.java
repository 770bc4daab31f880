package org.rectiflow.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupervisionRecordRepository extends JpaRepository<SupervisionRecord, Long> {

	@Query("select r from SupervisionRecord r where r.inspectionId = :inspectionId order by r.recordedAt asc")
	List<SupervisionRecord> findByInspectionIdOrderByRecordedAtAsc(Long inspectionId);

	/**
	 * As above, and only while the inspection is of one of these units (issue 18): the list's own cut by unit in SQL,
	 * beside isolation/UnitGate's check of the address.
	 */
	@Query("select r from SupervisionRecord r where r.inspectionId = :inspectionId and r.inspectionId in (select i.id from Inspection i where i.unitId in :units) order by r.recordedAt asc")
	List<SupervisionRecord> findByInspectionIdInUnits(Long inspectionId, Collection<String> units);

	@Query("select r from SupervisionRecord r where r.taskId = :taskId order by r.recordedAt asc")
	List<SupervisionRecord> findByTaskIdOrderByRecordedAtAsc(Long taskId);

}

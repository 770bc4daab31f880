package org.rectiflow.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriticismNoticeRepository extends JpaRepository<CriticismNotice, Long> {

	@Query("select n from CriticismNotice n where n.inspectionId = :inspectionId order by n.issuedAt asc")
	List<CriticismNotice> findByInspectionIdOrderByIssuedAtAsc(Long inspectionId);

	/**
	 * As above, and only while the inspection is of one of these units (issue 18): the list's own cut by unit in SQL,
	 * beside isolation/UnitGate's check of the address.
	 */
	@Query("select n from CriticismNotice n where n.inspectionId = :inspectionId and n.inspectionId in (select i.id from Inspection i where i.unitId in :units) order by n.issuedAt asc")
	List<CriticismNotice> findByInspectionIdInUnits(Long inspectionId, Collection<String> units);

	@Query("select n from CriticismNotice n where n.inspectionId = :inspectionId and n.targetDepartment = :department order by n.issuedAt asc")
	List<CriticismNotice> findByInspectionIdAndTargetDepartmentOrderByIssuedAtAsc(Long inspectionId, String department);

}

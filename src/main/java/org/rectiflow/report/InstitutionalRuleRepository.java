package org.rectiflow.report;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionalRuleRepository extends JpaRepository<InstitutionalRule, Long> {

	@Query("select r from InstitutionalRule r where r.inspectionId = :inspectionId order by r.id asc")
	List<InstitutionalRule> findByInspectionIdOrderByIdAsc(Long inspectionId);

	/**
	 * As above, and only while the inspection is of one of these units (issue 18): the list's own cut by unit in SQL,
	 * beside isolation/UnitGate's check of the address.
	 */
	@Query("select r from InstitutionalRule r where r.inspectionId = :inspectionId and r.inspectionId in (select i.id from Inspection i where i.unitId in :units) order by r.id asc")
	List<InstitutionalRule> findByInspectionIdInUnits(Long inspectionId, Collection<String> units);

	@Query("select count(r) from InstitutionalRule r where r.inspectionId = :inspectionId")
	long countByInspectionId(Long inspectionId);

}

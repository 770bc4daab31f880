package org.rectiflow.plan;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanOpinionRepository extends JpaRepository<PlanOpinion, Long> {

	@Query("select o from PlanOpinion o where o.inspectionId = :inspectionId order by o.createdAt asc")
	List<PlanOpinion> findByInspectionIdOrderByCreatedAtAsc(Long inspectionId);

	/**
	 * As above, and only while the inspection is of one of these units (issue 18): the list's own cut by unit in SQL,
	 * beside isolation/UnitGate's check of the address.
	 */
	@Query("select o from PlanOpinion o where o.inspectionId = :inspectionId and o.inspectionId in (select i.id from Inspection i where i.unitId in :units) order by o.createdAt asc")
	List<PlanOpinion> findByInspectionIdInUnits(Long inspectionId, Collection<String> units);

}

package org.rectiflow.report;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

	@Query("select o from ReviewOpinion o where o.inspectionId = :inspectionId order by o.reviewedAt asc")
	List<ReviewOpinion> findByInspectionIdOrderByReviewedAtAsc(Long inspectionId);

	/**
	 * As above, and only while the inspection is of one of these units (issue 18): the list's own cut by unit in SQL,
	 * beside isolation/UnitGate's check of the address.
	 */
	@Query("select o from ReviewOpinion o where o.inspectionId = :inspectionId and o.inspectionId in (select i.id from Inspection i where i.unitId in :units) order by o.reviewedAt asc")
	List<ReviewOpinion> findByInspectionIdInUnits(Long inspectionId, Collection<String> units);

}

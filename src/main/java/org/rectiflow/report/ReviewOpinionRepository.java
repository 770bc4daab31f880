package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

	@Query("select o from ReviewOpinion o where o.inspectionId = :inspectionId order by o.reviewedAt asc")
	List<ReviewOpinion> findByInspectionIdOrderByReviewedAtAsc(Long inspectionId);

}

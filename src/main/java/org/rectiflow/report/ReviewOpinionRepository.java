package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

	List<ReviewOpinion> findByInspectionIdOrderByReviewedAtAsc(Long inspectionId);

}

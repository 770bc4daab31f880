package org.rectiflow.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanOpinionRepository extends JpaRepository<PlanOpinion, Long> {

	List<PlanOpinion> findByInspectionIdOrderByCreatedAtAsc(Long inspectionId);

}

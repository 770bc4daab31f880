package org.rectiflow.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanOpinionRepository extends JpaRepository<PlanOpinion, Long> {

	@Query("select o from PlanOpinion o where o.inspectionId = :inspectionId order by o.createdAt asc")
	List<PlanOpinion> findByInspectionIdOrderByCreatedAtAsc(Long inspectionId);

}

package org.rectiflow.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, Long> {

	@Query("select c from ProblemCategory c where c.inspectionId = :inspectionId order by c.seq asc")
	List<ProblemCategory> findByInspectionIdOrderBySeq(Long inspectionId);

}

package org.rectiflow.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, Long> {

	List<ProblemCategory> findByInspectionIdOrderBySeq(Long inspectionId);

}

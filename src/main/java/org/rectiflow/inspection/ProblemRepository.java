package org.rectiflow.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

	List<Problem> findByInspectionIdOrderByCategoryIdAscSeqAsc(Long inspectionId);

	long countByInspectionId(Long inspectionId);

}

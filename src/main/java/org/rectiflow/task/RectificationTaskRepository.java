package org.rectiflow.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RectificationTaskRepository extends JpaRepository<RectificationTask, Long> {

	List<RectificationTask> findByInspectionIdOrderByIdAsc(Long inspectionId);

	List<RectificationTask> findByProblemIdOrderBySeqAsc(Long problemId);

	Optional<RectificationTask> findByInspectionIdAndCode(Long inspectionId, String code);

	List<RectificationTask> findByInspectionIdAndCodeIn(Long inspectionId, Collection<String> codes);

	long countByInspectionId(Long inspectionId);

	long countByProblemId(Long problemId);

}

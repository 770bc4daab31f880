package org.rectiflow.task;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureRepository extends JpaRepository<Measure, Long> {

	List<Measure> findByTaskIdOrderBySeqAsc(Long taskId);

	List<Measure> findByTaskIdInOrderByTaskIdAscSeqAsc(Collection<Long> taskIds);

	void deleteByTaskId(Long taskId);

}

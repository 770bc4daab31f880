package org.rectiflow.task;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MeasureRepository extends JpaRepository<Measure, Long> {

	@Query("select m from Measure m where m.taskId = :taskId order by m.seq asc")
	List<Measure> findByTaskIdOrderBySeqAsc(Long taskId);

	@Query("select m from Measure m where m.taskId in :taskIds order by m.taskId asc, m.seq asc")
	List<Measure> findByTaskIdInOrderByTaskIdAscSeqAsc(Collection<Long> taskIds);

	/** The task's measures, in one statement (a derived delete reads each one first). */
	@Modifying(flushAutomatically = true)
	@Query("delete from Measure m where m.taskId = :taskId")
	int deleteByTaskId(Long taskId);

}

package org.rectiflow.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RectificationTaskRepository extends JpaRepository<RectificationTask, Long> {

	@Query("select t from RectificationTask t where t.inspectionId = :inspectionId order by t.id asc")
	List<RectificationTask> findByInspectionIdOrderByIdAsc(Long inspectionId);

	/**
	 * Started, unsettled tasks led by one of the departments or answered for by the leader, soonest deadline first
	 * (tasks of a plan still being drafted or approved have not started).
	 */
	@Query("select t from RectificationTask t where (t.leadDepartment in :departments or t.responsibleLeader = :leader)"
			+ " and t.round > 0 and t.closedOff = false and t.status <> org.rectiflow.task.TaskStatus.LONG_TERM"
			+ " order by t.deadline asc, t.id asc")
	List<RectificationTask> findOpenFor(Collection<String> departments, String leader, Pageable page);

	@Query("select t from RectificationTask t where t.problemId = :problemId order by t.seq asc")
	List<RectificationTask> findByProblemIdOrderBySeqAsc(Long problemId);

	/** The lead departments the inspection's tasks name, in task order, repeats included. */
	@Query("select t.leadDepartment from RectificationTask t where t.inspectionId = :inspectionId order by t.id asc")
	List<String> leadDepartmentsOf(Long inspectionId);

	@Query("select t from RectificationTask t where t.inspectionId = :inspectionId and t.code = :code")
	Optional<RectificationTask> findByInspectionIdAndCode(Long inspectionId, String code);

	@Query("select t from RectificationTask t where t.inspectionId = :inspectionId and t.code in :codes")
	List<RectificationTask> findByInspectionIdAndCodeIn(Long inspectionId, Collection<String> codes);

	@Query("select count(t) from RectificationTask t where t.inspectionId = :inspectionId")
	long countByInspectionId(Long inspectionId);

	@Query("select count(t) from RectificationTask t where t.problemId = :problemId")
	long countByProblemId(Long problemId);


	/** Row lock on the task: one extension request at a time, even when two people ask at the same moment. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from RectificationTask t where t.id = :id")
	Optional<RectificationTask> lockById(Long id);

}

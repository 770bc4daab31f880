package org.rectiflow.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

	@Query("select d from DeadlineExtension d where d.taskId = :taskId order by d.requestedAt asc")
	List<DeadlineExtension> findByTaskIdOrderByRequestedAtAsc(Long taskId);

	@Query("select d from DeadlineExtension d where d.taskId = :taskId and d.status = :status"
			+ " order by d.requestedAt asc, d.id asc")
	List<DeadlineExtension> findByTaskIdAndStatus(Long taskId, DeadlineExtension.Status status);

	/** The task's pending request, if any (one at a time: a new request takes the task's row lock first). */
	default Optional<DeadlineExtension> pendingOf(Long taskId) {
		return findByTaskIdAndStatus(taskId, DeadlineExtension.Status.PENDING).stream().findFirst();
	}

}

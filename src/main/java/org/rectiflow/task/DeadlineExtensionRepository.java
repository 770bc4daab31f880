package org.rectiflow.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

	List<DeadlineExtension> findByTaskIdOrderByRequestedAtAsc(Long taskId);

	Optional<DeadlineExtension> findFirstByTaskIdAndStatus(Long taskId, DeadlineExtension.Status status);

}

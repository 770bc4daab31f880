package org.rectiflow.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StageReportRepository extends JpaRepository<StageReport, Long> {

	List<StageReport> findByTaskIdOrderByReportedAtAsc(Long taskId);

}

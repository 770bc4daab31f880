package org.rectiflow.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StageReportRepository extends JpaRepository<StageReport, Long> {

	@Query("select r from StageReport r where r.taskId = :taskId order by r.reportedAt asc")
	List<StageReport> findByTaskIdOrderByReportedAtAsc(Long taskId);

}

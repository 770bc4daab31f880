package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RectificationReportRepository extends JpaRepository<RectificationReport, Long> {

	@Query("select r from RectificationReport r where r.inspectionId = :inspectionId and r.kind = :kind order by r.createdAt desc")
	List<RectificationReport> findByInspectionIdAndKindOrderByCreatedAtDesc(Long inspectionId, ReportKind kind);

}

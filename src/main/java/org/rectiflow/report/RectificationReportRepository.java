package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RectificationReportRepository extends JpaRepository<RectificationReport, Long> {

	List<RectificationReport> findByInspectionIdAndKindOrderByCreatedAtDesc(Long inspectionId, ReportKind kind);

}

package org.rectiflow.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportVersionRepository extends JpaRepository<ReportVersion, Long> {

	@Query("select v from ReportVersion v where v.inspectionId = :inspectionId and v.kind = :kind order by v.number desc")
	List<ReportVersion> findByInspectionIdAndKindOrderByNumberDesc(Long inspectionId, ReportKind kind);

	@Query("select v from ReportVersion v where v.inspectionId = :inspectionId and v.kind = :kind and v.number = :number")
	Optional<ReportVersion> findByInspectionIdAndKindAndNumber(Long inspectionId, ReportKind kind, int number);

	@Query("select v from ReportVersion v where v.inspectionId = :inspectionId and v.kind = :kind"
			+ " and v.requestedAt is not null order by v.number desc")
	List<ReportVersion> findRequested(Long inspectionId, ReportKind kind);

}

package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstitutionalRuleRepository extends JpaRepository<InstitutionalRule, Long> {

	List<InstitutionalRule> findByInspectionIdOrderByIdAsc(Long inspectionId);

	long countByInspectionId(Long inspectionId);

}

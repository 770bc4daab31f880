package org.rectiflow.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionalRuleRepository extends JpaRepository<InstitutionalRule, Long> {

	@Query("select r from InstitutionalRule r where r.inspectionId = :inspectionId order by r.id asc")
	List<InstitutionalRule> findByInspectionIdOrderByIdAsc(Long inspectionId);

	@Query("select count(r) from InstitutionalRule r where r.inspectionId = :inspectionId")
	long countByInspectionId(Long inspectionId);

}

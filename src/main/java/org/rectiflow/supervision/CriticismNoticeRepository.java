package org.rectiflow.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriticismNoticeRepository extends JpaRepository<CriticismNotice, Long> {

	@Query("select n from CriticismNotice n where n.inspectionId = :inspectionId order by n.issuedAt asc")
	List<CriticismNotice> findByInspectionIdOrderByIssuedAtAsc(Long inspectionId);

	@Query("select n from CriticismNotice n where n.inspectionId = :inspectionId and n.targetDepartment = :department order by n.issuedAt asc")
	List<CriticismNotice> findByInspectionIdAndTargetDepartmentOrderByIssuedAtAsc(Long inspectionId, String department);

}

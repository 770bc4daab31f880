package org.rectiflow.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CriticismNoticeRepository extends JpaRepository<CriticismNotice, Long> {

	List<CriticismNotice> findByInspectionIdOrderByIssuedAtAsc(Long inspectionId);

	List<CriticismNotice> findByInspectionIdAndTargetDepartmentOrderByIssuedAtAsc(Long inspectionId, String department);

}

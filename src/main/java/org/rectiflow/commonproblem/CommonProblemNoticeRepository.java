package org.rectiflow.commonproblem;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommonProblemNoticeRepository extends JpaRepository<CommonProblemNotice, Long> {

	@Query("select n from CommonProblemNotice n order by n.sentAt desc, n.id desc")
	List<CommonProblemNotice> findAllNewestFirst();

	@Query("select n from CommonProblemNotice n where n.id in :ids order by n.sentAt desc, n.id desc")
	List<CommonProblemNotice> findByIdIn(List<Long> ids);

}

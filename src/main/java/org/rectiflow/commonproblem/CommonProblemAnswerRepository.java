package org.rectiflow.commonproblem;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommonProblemAnswerRepository extends JpaRepository<CommonProblemAnswer, Long> {

	@Query("select a from CommonProblemAnswer a where a.noticeId = :noticeId order by a.id asc")
	List<CommonProblemAnswer> findByNoticeId(Long noticeId);

	@Query("select a from CommonProblemAnswer a where a.noticeId in :noticeIds order by a.id asc")
	List<CommonProblemAnswer> findByNoticeIdIn(Collection<Long> noticeIds);

	/** The answers of the given units, newest notice first: what a unit's rectification office lists. */
	@Query("select a from CommonProblemAnswer a where a.unitId in :unitIds order by a.noticeId desc, a.id asc")
	List<CommonProblemAnswer> findByUnitIdIn(Collection<String> unitIds);

}

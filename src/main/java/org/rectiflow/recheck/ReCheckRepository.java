package org.rectiflow.recheck;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReCheckRepository extends JpaRepository<ReCheck, Long> {

	@Query("select r from ReCheck r where r.drawId = :drawId order by r.id asc")
	List<ReCheck> findByDrawId(Long drawId);

	@Query("select r from ReCheck r where r.drawId in :drawIds order by r.id asc")
	List<ReCheck> findByDrawIdIn(List<Long> drawIds);

}

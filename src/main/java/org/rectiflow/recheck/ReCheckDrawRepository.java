package org.rectiflow.recheck;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReCheckDrawRepository extends JpaRepository<ReCheckDraw, Long> {

	@Query("select d from ReCheckDraw d order by d.drawnAt desc, d.id desc")
	List<ReCheckDraw> findAllNewestFirst();

}

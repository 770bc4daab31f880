package org.rectiflow.inspection;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

	@Query("select p from Problem p where p.inspectionId = :inspectionId order by p.categoryId asc, p.seq asc")
	List<Problem> findByInspectionIdOrderByCategoryIdAscSeqAsc(Long inspectionId);

	/** The problems with these ids, in one query (a JPQL string: Hibernate keeps it translated, unlike findAllById). */
	@Query("select p from Problem p where p.id in :ids")
	List<Problem> findByIdIn(Collection<Long> ids);

	@Query("select count(p) from Problem p where p.inspectionId = :inspectionId")
	long countByInspectionId(Long inspectionId);

}

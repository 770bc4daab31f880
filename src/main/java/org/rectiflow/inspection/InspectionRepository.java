package org.rectiflow.inspection;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InspectionRepository extends JpaRepository<Inspection, Long> {

	/**
	 * Row lock on the inspection: serialises the "are all tasks settled now?" decision across transactions and
	 * nodes, so two tasks settling at the same moment cannot both miss the last one.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Inspection i where i.id = :id")
	Optional<Inspection> lockById(Long id);

	@Query("select i from Inspection i order by i.createdAt desc")
	List<Inspection> findAllByOrderByCreatedAtDesc();

	/** The inspections of these units, newest first (issue 18: a person's list, cut by their units). */
	@Query("select i from Inspection i where i.unitId in :unitIds order by i.createdAt desc")
	List<Inspection> findByUnitIdInOrderByCreatedAtDesc(java.util.Collection<String> unitIds);

	@Query("select count(i) from Inspection i where i.roundId = :roundId and i.unitId = :unitId")
	long countByRoundIdAndUnitId(Long roundId, String unitId);

}

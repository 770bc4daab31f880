package org.rectiflow.unit;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRepository extends JpaRepository<Unit, String> {

	@Query("select u from Unit u order by u.createdAt, u.id")
	List<Unit> findAllInOrder();

	@Query("select u from Unit u where u.id in :ids order by u.createdAt, u.id")
	List<Unit> findByIdIn(Collection<String> ids);

	@Query("select u from Unit u where u.name = :name order by u.createdAt, u.id")
	List<Unit> findByName(String name);

}

package org.rectiflow.task;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceDraftRepository extends JpaRepository<EvidenceDraft, Long> {

}

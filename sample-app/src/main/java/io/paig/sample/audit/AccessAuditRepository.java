package io.paig.sample.audit;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored access audits.
 *
 * @author paig-db
 */
public interface AccessAuditRepository extends JpaRepository<AccessAudit, Integer> {

}

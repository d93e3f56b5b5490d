package io.paig.sample.audit;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored access audits.
 *
 * @author paig-db authors
 */
public interface AccessAuditRepository extends JpaRepository<AccessAudit, Integer> {

}

package io.paig.sample.governance;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored AI applications.
 *
 * @author paig-db authors
 */
public interface AiApplicationRepository extends JpaRepository<AiApplication, Integer> {

}

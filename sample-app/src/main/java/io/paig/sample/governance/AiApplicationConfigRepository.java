package io.paig.sample.governance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored AI application configurations.
 *
 * @author paig-db authors
 */
public interface AiApplicationConfigRepository extends JpaRepository<AiApplicationConfig, Integer> {

	/**
	 * The configuration of an application: its first row, as the schema does not keep it
	 * to one.
	 * @param applicationId the application's id
	 * @return its configuration, if it has one
	 */
	default Optional<AiApplicationConfig> configOf(Integer applicationId) {
		return findByApplicationIdOrderById(applicationId).stream().findFirst();
	}

	/**
	 * Every configuration row of an application, oldest first.
	 * @param applicationId the application's id
	 * @return the rows
	 */
	@Query("select c from AiApplicationConfig c where c.application.id = :applicationId order by c.id")
	List<AiApplicationConfig> findByApplicationIdOrderById(Integer applicationId);

}

package io.paig.sample.governance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored AI application policies.
 *
 * @author paig-db authors
 */
public interface AiApplicationPolicyRepository extends JpaRepository<AiApplicationPolicy, Integer> {

	/**
	 * The policies of an application.
	 * @param applicationId the application's id
	 * @return its policies
	 */
	@Query("select p from AiApplicationPolicy p where p.application.id = :applicationId order by p.id")
	List<AiApplicationPolicy> findByApplicationId(Integer applicationId);

	/**
	 * One policy of one application.
	 * @param id the policy's id
	 * @param applicationId the application's id
	 * @return the policy, if the application has it
	 */
	@Query("select p from AiApplicationPolicy p where p.id = :id and p.application.id = :applicationId")
	Optional<AiApplicationPolicy> findByIdAndApplicationId(Integer id, Integer applicationId);

}

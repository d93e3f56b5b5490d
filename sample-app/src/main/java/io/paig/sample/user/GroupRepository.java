package io.paig.sample.user;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored groups.
 *
 * @author paig-db authors
 */
public interface GroupRepository extends JpaRepository<Group, Integer> {

	/**
	 * Whether another group has this name.
	 * @param name the name
	 * @param id the id of the group to leave out ({@code -1} for none)
	 * @return whether the name is taken
	 */
	boolean existsByNameAndIdNot(String name, Integer id);

}

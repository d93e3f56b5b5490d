package io.paig.sample.user;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored users.
 *
 * @author paig-db authors
 */
public interface UserRepository extends JpaRepository<User, Integer> {

	/**
	 * Whether another user has this username.
	 * @param username the username
	 * @param id the id of the user to leave out ({@code -1} for none)
	 * @return whether the username is taken
	 */
	boolean existsByUsernameAndIdNot(String username, Integer id);

}

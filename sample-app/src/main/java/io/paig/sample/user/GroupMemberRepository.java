package io.paig.sample.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored group memberships.
 *
 * @author paig-db authors
 */
public interface GroupMemberRepository extends JpaRepository<GroupMember, Integer> {

	/**
	 * The memberships of a group.
	 * @param groupId the group's id
	 * @return its memberships
	 */
	@Query("select m from GroupMember m where m.group.id = :groupId order by m.id")
	List<GroupMember> findByGroupId(Integer groupId);

	/**
	 * One user's membership of one group.
	 * @param groupId the group's id
	 * @param userId the user's id
	 * @return the membership, if there is one
	 */
	@Query("select m from GroupMember m where m.group.id = :groupId and m.user.id = :userId")
	Optional<GroupMember> findByGroupIdAndUserId(Integer groupId, Integer userId);

	/**
	 * Remove every membership of a user.
	 * @param userId the user's id
	 */
	@Modifying
	@Query("delete from GroupMember m where m.user.id = :userId")
	void deleteByUserId(Integer userId);

	/**
	 * Remove every membership of a group.
	 * @param groupId the group's id
	 */
	@Modifying
	@Query("delete from GroupMember m where m.group.id = :groupId")
	void deleteByGroupId(Integer groupId);

}

package io.paig.sample.governance;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored tags.
 *
 * @author paig-db
 */
public interface TagRepository extends JpaRepository<Tag, Integer> {

}

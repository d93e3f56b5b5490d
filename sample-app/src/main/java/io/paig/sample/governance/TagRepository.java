package io.paig.sample.governance;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored tags.
 *
 * @author paig-db authors
 */
public interface TagRepository extends JpaRepository<Tag, Integer> {

}

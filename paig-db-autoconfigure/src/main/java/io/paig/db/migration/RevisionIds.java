package io.paig.db.migration;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New revision ids in Alembic's form: twelve hex digits.
 *
 * @author paig-db authors
 */
public final class RevisionIds {

	private static final SecureRandom random = new SecureRandom();

	private RevisionIds() {
	}

	/**
	 * A new random id.
	 * @return twelve lower-case hex digits
	 */
	public static String next() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}

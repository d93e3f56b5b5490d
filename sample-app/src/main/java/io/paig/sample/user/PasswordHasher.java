package io.paig.sample.user;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes user passwords with PBKDF2 (HMAC-SHA256) and a random salt before they are
 * stored, as {@code pbkdf2_sha256$<iterations>$<salt>$<hash>}, which fits the 255
 * characters of the {@code password} column.
 *
 * @author paig-db authors
 */
final class PasswordHasher {

	private static final int ITERATIONS = 210_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordHasher() {
	}

	/**
	 * Hash a password.
	 * @param password the password
	 * @return the hash, or {@code null} for no password
	 */
	static String hash(String password) {
		if (password == null) {
			return null;
		}
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return "pbkdf2_sha256$" + ITERATIONS + "$" + encode(salt) + "$" + encode(derive(password, salt, ITERATIONS));
	}

	private static byte[] derive(String password, byte[] salt, int iterations) {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", ex);
		}
		finally {
			spec.clearPassword();
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().withoutPadding().encodeToString(bytes);
	}

}

package io.paig.db.url;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keeps secrets out of what is shown: query parameters that carry one, and credentials
 * written into a JDBC URL.
 *
 * @author paig-db authors
 */
public final class Secrets {

	// 'jdbc:x://user:password@host': from the first ':' of the authority to its last '@'.
	private static final Pattern JDBC_AUTHORITY_CREDENTIALS = Pattern.compile("(//[^/:@]*:)[^/]*@");

	// Oracle's 'jdbc:oracle:thin:user/password@host' and the like: whatever stands
	// between the ':' or '/'
	// before an '@' and the '@'. A user without a password is masked too, which errs on
	// the safe side.
	private static final Pattern JDBC_CREDENTIALS = Pattern.compile("([:/])[^:/@?&;]*@");

	private static final Pattern JDBC_SECRET_PARAMETER = Pattern
		.compile("(?i)([?&;:][^=&;?/]*(?:password|passwd|pwd|secret|token)[^=&;?/]*=)[^&;]*");

	private Secrets() {
	}

	/**
	 * Whether a query parameter's value is a secret and must be masked when shown.
	 * @param key the parameter name
	 * @return {@code true} for passwords, secrets and tokens
	 */
	public static boolean isSecretKey(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.contains("password") || lower.contains("passwd") || lower.contains("pwd")
				|| lower.contains("secret") || lower.contains("token");
	}

	/**
	 * Replace every occurrence of a password in a text, for messages that come from
	 * elsewhere (a driver's exception, say) and are shown to the user.
	 * @param text the text, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the text without the password
	 */
	public static @Nullable String redact(@Nullable String text, @Nullable String password) {
		if (text == null || password == null || password.isEmpty()) {
			return text;
		}
		return text.replace(password, DatabaseUrl.MASK);
	}

	/**
	 * Mask the password in a JDBC URL, whether written as {@code user:password@} or as a
	 * {@code password=} parameter.
	 * @param jdbcUrl the URL
	 * @return the URL safe to show
	 */
	public static String maskJdbcUrl(String jdbcUrl) {
		String masked = JDBC_AUTHORITY_CREDENTIALS.matcher(jdbcUrl).replaceFirst("$1" + DatabaseUrl.MASK + "@");
		if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
			// not for SQLite file paths, where '@' is part of a folder's name
			// ('/home/me@corp/paig.db')
			masked = JDBC_CREDENTIALS.matcher(masked).replaceAll("$1" + DatabaseUrl.MASK + "@");
		}
		return JDBC_SECRET_PARAMETER.matcher(masked).replaceAll("$1" + DatabaseUrl.MASK);
	}

}

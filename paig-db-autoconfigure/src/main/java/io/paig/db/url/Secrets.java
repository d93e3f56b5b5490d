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
	static final Pattern JDBC_AUTHORITY_CREDENTIALS = Pattern.compile("(//[^/:@]*:)[^/]*@");

	// Oracle's 'jdbc:oracle:thin:user/password@host' and the like: whatever stands
	// between the ':' or '/'
	// before an '@' and the '@'. A user without a password is masked too, which errs on
	// the safe side.
	private static final Pattern JDBC_CREDENTIALS = Pattern.compile("([:/])[^:/@?&;]*@");

	// A secret parameter after '?' or '&' runs to the next '&': sqlite-jdbc, for one,
	// reads a
	// ';' as part of the
	// value. One after ';' or ':' (SQL Server's 'jdbc:sqlserver://db;password=x;...')
	// runs
	// to the next ';' or '&'.
	static final Pattern JDBC_SECRET_QUERY_PARAMETER = Pattern
		.compile("(?i)([?&][^=&;?/]*(?:password|passwd|pwd|secret|token)[^=&;?/]*=)[^&]*");

	static final Pattern JDBC_SECRET_PARAMETER = Pattern
		.compile("(?i)([;:][^=&;?/]*(?:password|passwd|pwd|secret|token)[^=&;?/]*=)[^&;]*");

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
	 * {@code password=} parameter. In a SQLite URL, everything of the path up to its last
	 * {@code @} is masked.
	 * @param jdbcUrl the URL
	 * @return the URL safe to show
	 */
	public static String maskJdbcUrl(String jdbcUrl) {
		String masked;
		if (jdbcUrl.startsWith("jdbc:sqlite:")) {
			int question = jdbcUrl.indexOf('?');
			int end = (question >= 0) ? question : jdbcUrl.length();
			masked = "jdbc:sqlite:" + maskPath(jdbcUrl.substring("jdbc:sqlite:".length(), end))
					+ jdbcUrl.substring(end);
		}
		else {
			masked = JDBC_AUTHORITY_CREDENTIALS.matcher(jdbcUrl).replaceFirst("$1" + DatabaseUrl.MASK + "@");
			masked = JDBC_CREDENTIALS.matcher(masked).replaceAll("$1" + DatabaseUrl.MASK + "@");
		}
		masked = JDBC_SECRET_QUERY_PARAMETER.matcher(masked).replaceAll("$1" + DatabaseUrl.MASK);
		return JDBC_SECRET_PARAMETER.matcher(masked).replaceAll("$1" + DatabaseUrl.MASK);
	}

	/**
	 * Mask a SQLite path, or a text that holds one, up to its last {@code @}. A path may
	 * hold an {@code @} ({@code /home/me@corp/paig.db}), but so does a network URL
	 * written with three slashes ({@code sqlite:///user:password@host/db}), and nothing
	 * tells the two apart.
	 * @param text the path or text, or {@code null}
	 * @return the text safe to show
	 */
	public static @Nullable String maskPath(@Nullable String text) {
		if (text == null || text.indexOf('@') < 0) {
			return text;
		}
		return DatabaseUrl.MASK + text.substring(text.lastIndexOf('@'));
	}

	/**
	 * Mask the values of the secret parameters in a query string as written. A value runs
	 * to the next {@code &}, as Python's {@code parse_qsl} reads it; a name is
	 * percent-decoded before it is judged ({@code pass%77ord} is {@code password}), and a
	 * secret name after a {@code ;} inside a value is masked too, to be safe.
	 * @param query the text after {@code ?}
	 * @return the query safe to show
	 */
	static String maskQuery(String query) {
		StringBuilder masked = new StringBuilder(query.length());
		String[] pairs = query.split("&", -1);
		for (int i = 0; i < pairs.length; i++) {
			String pair = pairs[i];
			int maskFrom = -1;
			int start = 0;
			while (maskFrom < 0) {
				int equals = pair.indexOf('=', start);
				if (equals < 0) {
					break;
				}
				String key = DatabaseUrl.decode(pair.substring(start, equals).replace('+', ' '));
				if (key != null && isSecretKey(key)) {
					maskFrom = equals + 1;
				}
				int semicolon = pair.indexOf(';', start);
				if (semicolon < 0) {
					break;
				}
				start = semicolon + 1;
			}
			masked.append((i > 0) ? "&" : "")
				.append((maskFrom >= 0) ? pair.substring(0, maskFrom) + DatabaseUrl.MASK : pair);
		}
		return masked.toString();
	}

}

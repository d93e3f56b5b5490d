package io.paig.db.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The texts that a database's URL and password put into an application's environment and
 * that must never be shown, each with what to show instead: the URL as written (shown
 * masked), its password as written and as read, the values of its secret parameters as
 * written and as read, and the password given apart from it. Each is also hidden as JSON
 * escapes it ({@code SPRING_APPLICATION_JSON}). A URL that cannot be read is hidden
 * whole.
 * <p>
 * A text is hidden where it stands as a word of its own: an occurrence inside a longer
 * word (a password {@code postgres} in {@code org.postgresql.Driver}) is another word,
 * and hiding it would only make the rest unreadable.
 *
 * @author paig-db authors
 */
public final class HiddenTexts {

	/** Nothing to hide. */
	public static final HiddenTexts NONE = new HiddenTexts(List.of());

	private final List<Hidden> hidden;

	private HiddenTexts(List<Hidden> hidden) {
		this.hidden = hidden;
	}

	/**
	 * The texts a database's URL and password put into the environment.
	 * @param url the URL as configured, in SQLAlchemy's form, {@code jdbc:} or
	 * {@code r2dbc:} (whose credentials are written alike), or {@code null}
	 * @param password the password given apart from the URL, or {@code null}
	 * @return the texts to hide
	 */
	public static HiddenTexts of(@Nullable String url, @Nullable String password) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (password != null) {
			add(texts, password, DatabaseUrl.MASK);
		}
		if (url != null && !url.isBlank()) {
			String written = url.strip();
			if (written.regionMatches(true, 0, "jdbc:", 0, 5) || written.regionMatches(true, 0, "r2dbc:", 0, 6)) {
				addJdbcUrl(texts, written);
			}
			else {
				addDatabaseUrl(texts, written);
			}
		}
		return new HiddenTexts(
				texts.entrySet().stream().map((entry) -> Hidden.of(entry.getKey(), entry.getValue())).toList())
			.sorted();
	}

	/**
	 * These texts and another's.
	 * @param other the other texts
	 * @return both
	 */
	public HiddenTexts and(HiddenTexts other) {
		List<Hidden> both = new ArrayList<>(this.hidden);
		other.hidden.stream().filter((text) -> !contains(text.text())).forEach(both::add);
		return new HiddenTexts(both).sorted();
	}

	/**
	 * Whether there is nothing to hide.
	 * @return {@code true} when there is nothing
	 */
	public boolean isEmpty() {
		return this.hidden.isEmpty();
	}

	/**
	 * A text with every hidden text in it replaced by what is shown instead, the longest
	 * first.
	 * @param text the text
	 * @return the text safe to show
	 */
	public String hideIn(String text) {
		String shown = text;
		for (Hidden hidden : this.hidden) {
			if (shown.contains(hidden.text())) {
				shown = hidden.pattern().matcher(shown).replaceAll(Matcher.quoteReplacement(hidden.shown()));
			}
		}
		return shown;
	}

	private boolean contains(String text) {
		return this.hidden.stream().anyMatch((hidden) -> hidden.text().equals(text));
	}

	private HiddenTexts sorted() {
		List<Hidden> sorted = new ArrayList<>(this.hidden);
		sorted.sort(Comparator.comparingInt((Hidden hidden) -> hidden.text().length()).reversed());
		return new HiddenTexts(List.copyOf(sorted));
	}

	private static void addDatabaseUrl(Map<String, String> texts, String written) {
		DatabaseUrl parsed;
		try {
			parsed = DatabaseUrl.parse(written);
		}
		catch (InvalidDatabaseUrlException ex) {
			// what it was meant to say is unknown, so any part of it may be a password
			add(texts, written, (ex.getMaskedUrl() != null) ? ex.getMaskedUrl() : DatabaseUrl.MASK);
			return;
		}
		add(texts, written, parsed.toString());
		String rest = written.substring(written.indexOf("://") + 3);
		if (parsed.getPassword() != null) {
			add(texts, parsed.getPassword(), DatabaseUrl.MASK);
			// as written: from the first ':' of the user information to its last '@'
			int at = rest.lastIndexOf('@');
			String info = (at >= 0) ? rest.substring(0, at) : "";
			if (info.indexOf(':') >= 0) {
				add(texts, info.substring(info.indexOf(':') + 1), DatabaseUrl.MASK);
			}
		}
		for (Map.Entry<String, String> parameter : parsed.getQuery()) {
			if (Secrets.isSecretKey(parameter.getKey())) {
				add(texts, parameter.getValue(), DatabaseUrl.MASK);
			}
		}
		int question = rest.indexOf('?');
		if (question >= 0) {
			for (String pair : rest.substring(question + 1).split("&")) {
				int equals = pair.indexOf('=');
				String key = (equals > 0) ? DatabaseUrl.decode(pair.substring(0, equals).replace('+', ' ')) : null;
				if (key != null && Secrets.isSecretKey(key)) {
					add(texts, pair.substring(equals + 1), DatabaseUrl.MASK);
				}
			}
		}
	}

	private static void addJdbcUrl(Map<String, String> texts, String written) {
		add(texts, written, Secrets.maskJdbcUrl(written));
		// the password of 'user:password@' and of secret parameters; not Oracle's
		// 'user/password@', whose pattern takes a user without a password too: a user's
		// name is no secret to hide wherever it appears
		for (Pattern pattern : List.of(Secrets.JDBC_AUTHORITY_CREDENTIALS, Secrets.JDBC_SECRET_QUERY_PARAMETER,
				Secrets.JDBC_SECRET_PARAMETER)) {
			Matcher matcher = pattern.matcher(written);
			while (matcher.find()) {
				int end = (pattern == Secrets.JDBC_AUTHORITY_CREDENTIALS) ? matcher.end() - 1 : matcher.end();
				add(texts, written.substring(matcher.end(1), end), DatabaseUrl.MASK);
			}
		}
	}

	private static void add(Map<String, String> texts, String text, String shown) {
		if (text.isEmpty()) {
			return;
		}
		texts.putIfAbsent(text, shown);
		String json = text.replace("\\", "\\\\").replace("\"", "\\\"");
		texts.putIfAbsent(json, shown);
		// as Go's encoding/json writes it (Helm): '<', '>' and '&' escaped too
		texts.putIfAbsent(json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"), shown);
	}

	/**
	 * A text to hide, found where it stands as a word of its own: a letter or digit at
	 * either end of it must not go on beyond it.
	 */
	private record Hidden(String text, String shown, Pattern pattern) {

		static Hidden of(String text, String shown) {
			String word = "[\\p{L}\\p{Nd}]";
			String pattern = (Character.isLetterOrDigit(text.codePointAt(0)) ? "(?<!" + word + ")" : "")
					+ Pattern.quote(text)
					+ (Character.isLetterOrDigit(text.codePointBefore(text.length())) ? "(?!" + word + ")" : "");
			return new Hidden(text, shown, Pattern.compile(pattern));
		}

	}

}

package io.paig.db.command;

import java.util.Arrays;
import java.util.List;

import io.paig.db.command.DbCommandLine.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DbCommandLine}.
 *
 * @author paig-db authors
 */
class DbCommandLineTests {

	private static DbCommandLine parse(String... args) {
		return DbCommandLine.parse(List.of(args));
	}

	@Test
	void firstWordIsTheCommandAndTheRestAreItsArguments() {
		DbCommandLine line = parse("stamp", "head", "extra");
		assertThat(line.command()).isEqualTo("stamp");
		assertThat(line.arguments()).containsExactly("head", "extra");
		assertThat(line.flags()).isEmpty();
		assertThat(line.message()).isNull();
	}

	@Test
	void noArgumentsMeanNoCommand() {
		DbCommandLine line = parse();
		assertThat(line.command()).isNull();
		assertThat(line.arguments()).isEmpty();
	}

	@Test
	void shortMessageOptionTakesTheNextArgumentAsTheMessage() {
		DbCommandLine line = parse("revision", "-m", "add owner");
		assertThat(line.command()).isEqualTo("revision");
		assertThat(line.message()).isEqualTo("add owner");
		assertThat(line.arguments()).isEmpty();
	}

	@Test
	void longMessageOptionTakesTheNextArgumentAsTheMessage() {
		DbCommandLine line = parse("revision", "--message", "add owner", "--autogenerate");
		assertThat(line.message()).isEqualTo("add owner");
		assertThat(line.flags()).containsExactly("autogenerate");
		assertThat(line.arguments()).isEmpty();
	}

	@Test
	void messageOptionWithAnEqualsSignCarriesTheMessage() {
		DbCommandLine line = parse("revision", "--message=add owner = yes");
		assertThat(line.message()).isEqualTo("add owner = yes");
		assertThat(line.arguments()).isEmpty();
	}

	@Test
	void messageThatLooksLikeAnOptionIsStillTheMessage() {
		assertThat(parse("revision", "-m", "--sql").message()).isEqualTo("--sql");
		assertThat(parse("revision", "-m", "-1").message()).isEqualTo("-1");
	}

	@Test
	void messageOptionWithoutAValueIsAUsageErrorShowingHowToWriteIt() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("revision", "-m"))
			.withMessage("-m needs a message, for example: db revision -m \"add owner\"");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("revision", "--message"))
			.withMessageContaining("-m needs a message");
	}

	@Test
	void shortVerboseAndHelpOptionsAreTheirLongFlags() {
		DbCommandLine line = parse("current", "-v", "-h");
		assertThat(line.flags()).containsExactly("verbose", "help");
		assertThat(line.has("verbose")).isTrue();
		assertThat(line.has("help")).isTrue();
		assertThat(line.arguments()).isEmpty();
	}

	@Test
	void longFlagsAreRecordedWithoutTheirDashes() {
		DbCommandLine line = parse("downgrade", "base", "--sql", "--yes", "--force", "--verbose", "--check-heads",
				"--autogenerate", "--from-alembic", "--help");
		assertThat(line.flags()).containsExactly("sql", "yes", "force", "verbose", "check-heads", "autogenerate",
				"from-alembic", "help");
		assertThat(line.arguments()).containsExactly("base");
	}

	@Test
	void flagsMayStandAnywhereOnTheLine() {
		DbCommandLine line = parse("--sql", "upgrade", "--verbose", "head");
		assertThat(line.command()).isEqualTo("upgrade");
		assertThat(line.arguments()).containsExactly("head");
		assertThat(line.flags()).containsExactly("sql", "verbose");
	}

	@Test
	void hasIsFalseForAFlagNotGiven() {
		assertThat(parse("upgrade", "--sql").has("yes")).isFalse();
	}

	@Test
	void unknownLongOptionIsRefusedListingEveryOption() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("upgrade", "--dry-run"))
			.withMessage("Unknown option '--dry-run'. Options: " + DbCommandLine.OPTIONS);
	}

	@Test
	void unknownShortOptionIsRefusedListingEveryOption() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("upgrade", "-x"))
			.withMessage("Unknown option '-x'. Options: " + DbCommandLine.OPTIONS);
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("current", "-vv"))
			.withMessageContaining("Unknown option '-vv'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("downgrade", "-1x"))
			.withMessageContaining("Unknown option '-1x'");
	}

	@Test
	void everyOptionTheUsageListsIsAccepted() {
		List<String> options = Arrays.stream(DbCommandLine.OPTIONS.split(", "))
			.flatMap((option) -> Arrays.stream(option.split("/")))
			.toList();
		assertThat(options).contains("--sql", "--yes", "--force", "-v", "--verbose", "--check-heads", "--autogenerate",
				"--from-alembic", "-m", "--message", "-r", "--rev-range", "-h", "--help");
		for (String option : options) {
			boolean takesValue = option.equals("-m") || option.equals("--message") || option.equals("-r")
					|| option.equals("--rev-range");
			DbCommandLine line = takesValue ? parse("history", option, "text") : parse("upgrade", option);
			assertThat(line.arguments()).as(option).isEmpty();
		}
	}

	@Test
	void springPropertiesForTheApplicationAreIgnored() {
		DbCommandLine line = parse("upgrade", "--database.url=sqlite:///db/x.db", "head",
				"--spring.profiles.active=dev");
		assertThat(line.command()).isEqualTo("upgrade");
		assertThat(line.arguments()).containsExactly("head");
		assertThat(line.flags()).isEmpty();
	}

	@Test
	void negativeNumbersAreArgumentsNotOptions() {
		assertThat(parse("downgrade", "-1").arguments()).containsExactly("-1");
		assertThat(parse("downgrade", "-12", "--yes").arguments()).containsExactly("-12");
		assertThat(parse("upgrade", "+2").arguments()).containsExactly("+2");
	}

	@Test
	void singleGivesTheOneArgument() {
		assertThat(parse("show", "abc").single("one revision")).isEqualTo("abc");
	}

	@Test
	void singleWithoutAnArgumentSaysWhatTheCommandTakes() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("show").single("one revision"))
			.withMessage("'db show' takes one revision");
	}

	@Test
	void singleWithSeveralArgumentsSaysTheCommandTakesOnlyOne() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("show", "a", "b").single("one revision"))
			.withMessage("'db show' takes one revision only");
	}

	@Test
	void argumentsAndFlagsCannotBeChanged() {
		DbCommandLine line = parse("upgrade", "head", "--sql");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> line.arguments().add("x"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> line.flags().add("yes"));
	}

	@Test
	void aRevisionRangeIsReadInEachOfAlembicsSpellings() {
		assertThat(DbCommandLine.parse(List.of("history", "-r", "base:head")).range()).isEqualTo("base:head");
		assertThat(DbCommandLine.parse(List.of("history", "-r", "-3:")).range()).isEqualTo("-3:");
		assertThat(DbCommandLine.parse(List.of("history", "-r-3:current")).range()).isEqualTo("-3:current");
		assertThat(DbCommandLine.parse(List.of("history", "--rev-range", ":abc")).range()).isEqualTo(":abc");
		assertThat(DbCommandLine.parse(List.of("history", "--rev-range=current:")).range()).isEqualTo("current:");
		assertThat(DbCommandLine.parse(List.of("history")).range()).isNull();
	}

	@Test
	void aRevisionRangeOptionWithoutItsValueIsAUsageError() {
		assertThatExceptionOfType(DbCommandLine.UsageException.class)
			.isThrownBy(() -> DbCommandLine.parse(List.of("history", "-r")))
			.withMessageContaining("-r needs a range");
	}

}

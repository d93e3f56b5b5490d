package io.paig.db.autoconfigure;

import io.paig.db.command.DbCommandRunListener;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.aot.AbstractAotProcessor;

/**
 * Matches when the application runs a {@code db} command, and while Spring's
 * ahead-of-time processing records the application's bean definitions. An AOT build
 * evaluates conditions once, at build time, when no command runs: it must include the
 * command beans so that {@code java -Dspring.aot.enabled=true -jar app.jar db ...} finds
 * them. Outside a command, the runner they include does nothing.
 *
 * @author paig-db authors
 */
class OnDbCommandCondition extends AnyNestedCondition {

	OnDbCommandCondition() {
		super(ConfigurationPhase.PARSE_CONFIGURATION);
	}

	@ConditionalOnBooleanProperty(DbCommandRunListener.ACTIVE)
	static class CommandActive {

	}

	@ConditionalOnBooleanProperty(AbstractAotProcessor.AOT_PROCESSING)
	static class AotProcessing {

	}

}

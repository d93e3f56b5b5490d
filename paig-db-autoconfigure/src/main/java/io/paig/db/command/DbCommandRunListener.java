package io.paig.db.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application's first argument is {@code db}, starts it as a command: no web
 * server, no start-up migration, no banner, only warnings and migration progress in the
 * log. {@link DbCommandRunner} then runs the command and exits with its code.
 * <p>
 * In an ahead-of-time build run with {@code -Dspring.aot.enabled=true}, whose application
 * type was fixed at build time, a web application stays one but its server listens on no
 * port ({@code server.port=-1}).
 *
 * @author paig-db authors
 */
public class DbCommandRunListener implements SpringApplicationRunListener, Ordered {

	/** Set while the application runs a {@code db} command. */
	public static final String ACTIVE = "paig.db.command.active";

	private final boolean command;

	/**
	 * Create the listener.
	 * @param application the application
	 * @param args its arguments
	 */
	public DbCommandRunListener(SpringApplication application, String[] args) {
		this.command = args.length > 0 && args[0].equals("db");
	}

	@Override
	public int getOrder() {
		// before Spring Boot's own listener, which sets up logging from the environment
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (!this.command) {
			return;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(ACTIVE, "true");
		if (AotDetector.useGeneratedArtifacts()) {
			// An ahead-of-time build fixed the bean definitions at build time, a web
			// application's included (they need a ServletContext): keep the web
			// application type and let the server open no port.
			settings.put("server.port", "-1");
			settings.put("management.server.port", "-1");
		}
		else {
			settings.put("spring.main.web-application-type", "none");
		}
		settings.put("spring.main.banner-mode", "off");
		settings.put("database.migration.on-startup", "none");
		// Only what the command uses is created, and the entities need not match the
		// database yet.
		settings.put("spring.main.lazy-initialization", "true");
		settings.put("spring.jpa.hibernate.ddl-auto", "none");
		settings.put("logging.level.root", "warn");
		settings.put("logging.level.io.paig.db.migration", "info");
		// what a command prints may be SQL to save in a file: Liquibase's own warnings
		// stay out of it
		settings.put("logging.level.liquibase", "error");
		environment.getPropertySources().addFirst(new MapPropertySource("paigDbCommand", settings));
	}

}

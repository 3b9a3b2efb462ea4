package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Set;

/**
 * HAPI's schema migrator ({@code hapi-fhir-sql-migrate}) instead of Hibernate's {@code hbm2ddl}, on PostgreSQL
 * ({@code samplan.schema.migrate}, on in the {@code postgres} profile): an empty database gets HAPI's schema, an older
 * one the steps since its version, each step once (recorded in {@code FLY_HFJ_MIGRATION}). Nodes starting together
 * take turns ({@link StartupLock}), so the second finds the work done. It runs before JPA starts.
 */
@Component
@DependsOn("startupLock")
@ConditionalOnProperty("samplan.schema.migrate")
public class SchemaMigration {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	SchemaMigration(DataSource dataSource) {
		HapiMigrator migrator = new HapiMigrator("FLY_HFJ_MIGRATION", dataSource, DriverTypeEnum.POSTGRES_9_4);
		migrator.addTasks(new HapiFhirJpaMigrationTasks(Set.of()).getAllTasks(VersionEnum.values()));
		migrator.createMigrationTableIfRequired();
		MigrationResult result = migrator.migrate();
		log.info("Database schema migrated: {} steps run", result.succeededTasks.size());
	}
}

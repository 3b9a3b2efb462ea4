package se.samplan.server.hapi;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import javax.sql.DataSource;

/** HAPI's JPA storage for FHIR R4 on Spring Boot's data source (H2 file by default, PostgreSQL for scale). */
@Configuration
@EnableConfigurationProperties(JpaProperties.class)
@Import({
		JpaR4Config.class, // FhirContext R4, DAOs and resource providers
		HapiJpaConfig.class, // full-text service, paging provider, stale search cleanup
		JpaBatch2Config.class, Batch2JobsConfig.class, // $reindex, $expunge and other batch jobs
		ThreadPoolFactoryConfig.class,
		SubscriptionChannelConfig.class}) // the message broker of batch2 and the subscriptions
public class JpaServerConfig {

	@Bean
	public JpaStorageSettings storageSettings(SearchEngineProperties searchEngine) {
		JpaStorageSettings s = new JpaStorageSettings();
		s.setHibernateSearchIndexFullText(true); // _content and _text (off by default since HAPI 8.0)
		if (searchEngine.getType() == SearchEngineProperties.Type.ELASTICSEARCH) {
			s.setHSearchIndexPrefix(searchEngine.getIndexPrefix());
		}
		s.setAllowMultipleDelete(false);
		// A code system's concepts go to the terminology tables (and their full-text index) after the package's
		// resources are stored, not one code system at a time while it installs (SipPackageInstaller waits for them).
		s.setDeferIndexingForCodesystemsOfSize(-1);
		// One set of tags for all versions of a resource: the reader tags (access) say who may read it now, so
		// history and vread show them as they are, not as they were.
		s.setTagStorageMode(JpaStorageSettings.TagStorageModeEnum.NON_VERSIONED);
		s.setExpungeEnabled(false);
		// meta.source as the client sent it, without HAPI's '#request-id' (a bare fragment is no valid meta.source
		// for the HL7 validator, so every answer carrying it would fail validation).
		s.setStoreMetaSourceInformation(JpaStorageSettings.StoreMetaSourceInformationEnum.SOURCE_URI);
		// Never an earlier search's results (HAPI: 60 s): a client must see its own writes, and results must never
		// cross callers. Only full-text searches reach the cache; the others are offset searches (OffsetSearches).
		s.setReuseCachedSearchResultsForMillis(null);
		return s;
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Primary
	@Bean
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beanFactory,
			FhirContext ctx, JpaStorageSettings settings, DataSource dataSource, JpaProperties jpaProperties,
			SearchEngineProperties searchEngine, ObjectProvider<SchemaMigration> migration) {
		migration.ifAvailable(done -> { }); // the schema is there before JPA looks at it
		LocalContainerEntityManagerFactoryBean emf =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, ctx, settings);
		emf.setPersistenceUnitName("HAPI_PU");
		emf.setDataSource(dataSource);
		// spring.jpa.properties.*, with the search engine's backend
		emf.setJpaPropertyMap(SearchBackend.hibernateProperties(jpaProperties.getProperties(), searchEngine));
		return emf;
	}

	@Primary
	@Bean
	public JpaTransactionManager transactionManager(EntityManagerFactory emf) {
		return new JpaTransactionManager(emf);
	}
}

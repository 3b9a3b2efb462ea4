package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.search.elastic.ElasticsearchHibernatePropertiesBuilder;
import org.hibernate.search.engine.cfg.BackendSettings;
import org.hibernate.search.mapper.orm.cfg.HibernateOrmMapperSettings;
import org.hibernate.search.mapper.orm.schema.management.SchemaManagementStrategyName;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Hibernate Search's backend settings for the chosen search engine (application.yaml holds Lucene's). */
final class SearchBackend {

	private static final String BACKEND_KEYS = BackendSettings.backendKey("");

	private SearchBackend() {
	}

	static Map<String, Object> hibernateProperties(Map<String, String> jpaProperties, SearchEngineProperties engine) {
		Map<String, Object> result = new HashMap<>(jpaProperties);
		if (engine.getType() == SearchEngineProperties.Type.ELASTICSEARCH) {
			result.keySet().removeIf(key -> key.startsWith(BACKEND_KEYS)); // Lucene's directory and analysis
			Properties cluster = new Properties();
			new ElasticsearchHibernatePropertiesBuilder() // HAPI's keys: its analysers, dynamic mapping, index naming
					.setHosts(engine.getHosts())
					.setProtocol(engine.getProtocol())
					.setUsername(engine.getUsername())
					.setPassword(engine.getPassword())
					.setIndexSchemaManagementStrategy(SchemaManagementStrategyName.CREATE_OR_VALIDATE)
					.apply(cluster);
			cluster.remove(HibernateOrmMapperSettings.AUTOMATIC_INDEXING_SYNCHRONIZATION_STRATEGY);
			cluster.forEach((key, value) -> result.put((String) key, value));
			// A write is searchable on every node before its answer leaves (the cluster's default is a refresh a second).
			result.put(HibernateOrmMapperSettings.INDEXING_PLAN_SYNCHRONIZATION_STRATEGY, "sync");
		}
		return result;
	}
}

package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The full-text index (Lucene on the node, or the search cluster) as part of readiness ({@code fullText} in the
 * health groups): one count query through Hibernate Search, so a node whose cluster is away is not sent traffic.
 */
@Component("fullTextHealthIndicator")
class FullTextHealth implements HealthIndicator {

	private final EntityManagerFactory entityManagerFactory;

	FullTextHealth(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public Health health() {
		EntityManager entityManager = entityManagerFactory.createEntityManager();
		try {
			long indexed = Search.session(entityManager).search(ResourceTable.class).where(f -> f.matchAll()).fetchTotalHitCount();
			return Health.up().withDetail("indexedResources", indexed).build();
		} catch (RuntimeException e) {
			return Health.down().withDetail("error", e.getMessage()).build();
		} finally {
			entityManager.close();
		}
	}
}

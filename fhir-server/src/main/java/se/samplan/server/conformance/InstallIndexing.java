package se.samplan.server.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.stereotype.Component;

/**
 * While the package installs at start-up, a resource's write does not wait for the full-text index to be committed to
 * disk (one commit per resource, the bulk of what installing cost); the index is committed once at the end, before
 * the server takes requests. Registered with HAPI's interceptor service for the installation only.
 */
@Component
@Interceptor
class InstallIndexing {

	private final EntityManagerFactory entityManagerFactory;
	@PersistenceContext
	private EntityManager entityManager;

	InstallIndexing(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created() {
		Search.session(entityManager).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated() {
		created();
	}

	/** Commits what the installation indexed. */
	void flush() {
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().flush();
	}
}

package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Row locks on a stored resource ({@code HFJ_RESOURCE}), held until the write's transaction ends. A decision that
 * must not be made twice at once (one open plan per person, one winner among updates with the same If-Match)
 * takes the lock first: a second request doing the same waits for the first to commit and then sees its result.
 */
@Component
public class RowLocks {

	private static final String LOCK = "SELECT RES_VER FROM " + ResourceTable.HFJ_RESOURCE + " WHERE "
			+ ResourceTable.RES_TYPE + " = ?1 AND " + ResourceTable.FHIR_ID + " = ?2 FOR UPDATE";

	@PersistenceContext
	private EntityManager entityManager;

	/** Locks the row of a stored resource ({@code Type/id}); its current version, or empty if none is stored. */
	public Optional<Long> lock(String key) {
		int slash = key.indexOf('/');
		if (slash < 1) {
			return Optional.empty();
		}
		List<?> rows = entityManager.createNativeQuery(LOCK).setParameter(1, key.substring(0, slash))
				.setParameter(2, key.substring(slash + 1)).getResultList();
		return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
	}
}

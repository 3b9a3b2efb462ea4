package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Adds and removes tags of a stored resource without making a new version (HAPI's {@code $meta-add} and
 * {@code $meta-delete}), in the running transaction. HAPI announces such a change as an update; the
 * {@link WritePipeline} lets it pass, since the content is unchanged.
 */
@Component
public class TagWriter {

	private static final String MARK = TagWriter.class.getName();

	private final DaoRegistry daoRegistry;

	TagWriter(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** Adds the tags {@code system|code} of {@code add} to the resource {@code Type/id} and removes those of {@code remove}. */
	public void change(String key, String system, Set<String> add, Set<String> remove) {
		IFhirResourceDao<?> dao = daoRegistry.getResourceDao(key.substring(0, key.indexOf('/')));
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(MARK, Boolean.TRUE);
		if (!add.isEmpty()) {
			Meta meta = new Meta();
			add.forEach(code -> meta.addTag(system, code, null));
			dao.metaAddOperation(new IdType(key), meta, request);
		}
		if (!remove.isEmpty()) {
			Meta meta = new Meta();
			remove.forEach(code -> meta.addTag(system, code, null));
			dao.metaDeleteOperation(new IdType(key), meta, request);
		}
	}

	/** Whether HAPI reports a change of tags made here. */
	static boolean changesTagsOnly(RequestDetails request) {
		return request != null && Boolean.TRUE.equals(request.getUserData().get(MARK));
	}
}

package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.data.ITagDefinitionDao;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import ca.uhn.fhir.jpa.model.entity.ResourceTag;
import ca.uhn.fhir.jpa.model.entity.TagDefinition;
import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds and removes tags of a stored resource in the running transaction, without a new version and without
 * HAPI's {@code $meta-add}: that merges the resource's entity, which reaches the tag definitions HAPI shares between
 * sessions and fails when two transactions do it at once. Here every entity is the running session's own.
 * Tags are stored once for all versions ({@code TagStorageModeEnum.NON_VERSIONED}), so the resource's tags are all.
 */
@Component
public class TagWriter {

	private final DaoRegistry daoRegistry;
	private final ITagDefinitionDao definitions;
	/** The ids of tag definitions, by {@code system|code}. */
	private final Map<String, Long> known = new ConcurrentHashMap<>();
	@PersistenceContext
	private EntityManager entityManager;

	TagWriter(DaoRegistry daoRegistry, ITagDefinitionDao definitions) {
		this.daoRegistry = daoRegistry;
		this.definitions = definitions;
	}

	/** Adds the tags {@code system|code} of {@code add} to the resource {@code Type/id} and removes those of {@code remove}. */
	public void change(String key, String system, Set<String> add, Set<String> remove) {
		ResourceTable entity = (ResourceTable) daoRegistry.getResourceDao(key.substring(0, key.indexOf('/')))
				.readEntity(new IdType(key), new SystemRequestDetails());
		for (String code : add) {
			ResourceTag tag = entity.addTag(definition(system, code));
			if (!entityManager.contains(tag)) {
				entityManager.persist(tag);
			}
		}
		List<ResourceTag> dropped = entity.getTags().stream().filter(t -> system.equals(t.getTag().getSystem())
				&& remove.contains(t.getTag().getCode())).toList();
		dropped.forEach(tag -> {
			entity.getTags().remove(tag);
			entityManager.remove(tag);
		});
		entity.setHasTags(!entity.getTags().isEmpty());
	}

	/** The definition of a tag as an entity of the running session; made if there is none. */
	private TagDefinition definition(String system, String code) {
		Long id = known.get(system + "|" + code);
		TagDefinition definition = id == null ? null : entityManager.find(TagDefinition.class, id);
		if (definition == null) {
			List<TagDefinition> found = definitions.findByTagTypeAndSchemeAndTermAndVersionAndUserSelected(TagTypeEnum.TAG,
					system, code, null, null, Pageable.ofSize(1));
			definition = found.isEmpty() ? definitions.save(new TagDefinition(TagTypeEnum.TAG, system, code, null)) : found.get(0);
			known.put(system + "|" + code, definition.getId());
		}
		return definition;
	}
}

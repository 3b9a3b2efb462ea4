package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.api.dao.IDao;
import ca.uhn.fhir.jpa.dao.data.ITagDefinitionDao;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import ca.uhn.fhir.jpa.model.entity.ResourceTag;
import ca.uhn.fhir.jpa.model.entity.TagDefinition;
import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
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

	private final ITagDefinitionDao definitions;
	/** The ids of tag definitions, by {@code system|code}. */
	private final Map<String, Long> known = new ConcurrentHashMap<>();
	@PersistenceContext
	private EntityManager entityManager;

	TagWriter(ITagDefinitionDao definitions) {
		this.definitions = definitions;
	}

	/**
	 * Adds the tags {@code system|code} of {@code add} to the stored resource {@code Type/id} and removes those of
	 * {@code remove}. Its entity is found by the database id HAPI puts on a resource it stores or loads
	 * ({@code IDao.RESOURCE_PID}, which HAPI marks as not a stable interface: the reader-tag tests check it on an
	 * upgrade). In the session that wrote it that needs no query; a read by {@code Type/id} looked the id up in the
	 * database, which first flushed the session: about a seventh of a plain create's CPU.
	 */
	public void change(String key, IBaseResource stored, String system, Set<String> add, Set<String> remove) {
		JpaPid pid = stored instanceof IAnyResource r ? IDao.RESOURCE_PID.get(r) : null;
		if (pid == null) {
			throw new IllegalStateException(key + " carries no database id: it was neither stored nor loaded by HAPI");
		}
		ResourceTable entity = entityManager.find(ResourceTable.class, pid);
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

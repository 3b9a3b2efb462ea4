package se.samplan.server.access;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import se.samplan.server.sip.SipUrls;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The organisations that may read a resource (R15), as the server keeps them on it: one tag
 * {@code https://samplan.github.io/fhir/reader|Organization/<id>} per organisation, and the tag
 * {@code reader|consent-ends} when a consent in force ends at a set time, after which the tags may name more than may
 * read. The database filters an organisation's searches by its tag; the read filter trusts a tag that names the
 * caller unless the consent ends by itself, and decides from the plan's facts otherwise.
 *
 * @param organizations {@code Organization/<id>} of each organisation that may read
 * @param endsByItself a consent in force ends at a set time
 */
public record Readers(Set<String> organizations, boolean endsByItself) {

	static final String CONSENT_ENDS = "consent-ends";
	static final Readers NONE = new Readers(Set.of(), false);

	/** The resource types whose readers the server keeps on them, and by which organisations' searches are narrowed. */
	static final Set<String> KEPT_ON = Set.of("CarePlan", "Task", "Appointment", "Consent", "CareTeam", "Goal",
			"DetectedIssue", "Patient", "RelatedPerson");

	/** The readers the resource's tags name. */
	static Readers on(Resource resource) {
		Set<String> organizations = new LinkedHashSet<>();
		boolean ends = false;
		for (Coding tag : resource.getMeta().getTag()) {
			if (SipUrls.READER.equals(tag.getSystem())) {
				if (CONSENT_ENDS.equals(tag.getCode())) {
					ends = true;
				} else {
					organizations.add(tag.getCode());
				}
			}
		}
		return new Readers(organizations, ends);
	}

	/** Whether the resource's tags alone show that the organisation may read it. */
	static boolean tagsShow(Resource resource, String organization) {
		Readers tagged = on(resource);
		return !tagged.endsByItself() && tagged.organizations().contains(organization);
	}

	Readers and(Readers other) {
		Set<String> all = new LinkedHashSet<>(organizations);
		all.addAll(other.organizations);
		return new Readers(all, endsByItself || other.endsByItself);
	}

	/** The codes of the tags that say so. */
	Set<String> codes() {
		Set<String> codes = new LinkedHashSet<>(organizations);
		if (endsByItself) {
			codes.add(CONSENT_ENDS);
		}
		return codes;
	}
}

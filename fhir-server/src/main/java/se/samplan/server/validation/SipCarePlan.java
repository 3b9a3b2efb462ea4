package se.samplan.server.validation;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import se.samplan.profiles.SipPackage;

/**
 * What makes a CarePlan a SIP: the national care-plan type SIP ({@code typeofcareplan-cs#SIP}) in its
 * category, whatever its meta says.
 */
public final class SipCarePlan {

	public static final String CARE_PLAN_TYPE_SYSTEM = "https://fhir.inera.se/CodeSystem/typeofcareplan-cs";
	public static final String PROFILE = SipPackage.structureDefinition("SipCarePlan");

	private SipCarePlan() {}

	public static boolean isSip(IBaseResource resource) {
		return resource instanceof CarePlan plan
				&& plan.getCategory().stream().anyMatch(c -> c.hasCoding(CARE_PLAN_TYPE_SYSTEM, "SIP"));
	}

	/** Adds the SipCarePlan profile to a SIP CarePlan that does not declare it, so it is validated as one. */
	static void declareProfile(IBaseResource resource) {
		if (isSip(resource) && resource.getMeta().getProfile().stream()
				.noneMatch(p -> p.getValue() != null && p.getValue().startsWith(PROFILE))) {
			resource.getMeta().addProfile(PROFILE);
		}
	}
}
